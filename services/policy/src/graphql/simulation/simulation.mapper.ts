import type { SimulatedIdentity as SimulatedIdentityModel, SimulationResult } from '@tenure/policy-decisions';
import { identityReference } from '../identity/identity.type';
import { toEntitlementRefs } from '../shared/entitlement-ref.type';
import {
  PolicySimulation,
  SimulatedIdentity,
  SimulatedIdentityConnection,
  SimulatedIdentityEdge,
  SimulatedRuleEffect,
  SimulatedViolationCount,
} from './simulation.type';
import { pageOfAffected } from './simulation-page';

/** The simulation's counts whole, and the page of affected identities asked for. */
export function toPolicySimulation(result: SimulationResult, first: number, after: string | null): PolicySimulation {
  const page = pageOfAffected(result.affected, first, after);
  const edges = page.items.map(({ cursor, identity }) =>
    Object.assign(new SimulatedIdentityEdge(), { cursor, node: toSimulatedIdentity(identity) }),
  );
  return Object.assign(new PolicySimulation(), {
    currentVersion: result.currentVersion,
    identities: result.identities,
    added: result.added,
    removed: result.removed,
    perRule: result.perRule.map((effect) => Object.assign(new SimulatedRuleEffect(), effect)),
    newViolations: result.newViolations,
    newViolationsPerRule: result.newViolationsPerRule.map((count) => Object.assign(new SimulatedViolationCount(), count)),
    affected: Object.assign(new SimulatedIdentityConnection(), {
      edges,
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
      totalCount: result.affected.length,
    }),
  });
}

function toSimulatedIdentity(identity: SimulatedIdentityModel): SimulatedIdentity {
  return Object.assign(new SimulatedIdentity(), {
    identityId: identity.identityId,
    identity: identityReference(identity.identityId),
    employeeNumber: identity.employeeNumber,
    added: toEntitlementRefs(identity.added),
    removed: toEntitlementRefs(identity.removed),
    newViolations: [...identity.newViolations],
  });
}
