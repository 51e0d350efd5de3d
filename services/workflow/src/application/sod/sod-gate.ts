import type { Clock } from '@tenure/event-sourcing';
import { checkSod, entitlementKey, type CompiledPolicy, type PolicySubject, type SodException } from '@tenure/policy-decisions';
import type { Pool } from 'pg';
import { blockKey, type SodBlock } from '../../domain/assignments';
import { validExceptionsOf } from '../../read-model/workflow-sod-exceptions';
import type { LatestPolicy } from '../latest-policy';

/** An entitlement as assignments name it. */
export interface GateEntitlement {
  readonly applicationId: string;
  readonly entitlementKey: string;
}

/**
 * Preventive SoD: which of the entitlements about to be assigned would take part in a blocking
 * violation (a `block` rule, or a `require-exception` rule without a valid exception) together with
 * what the identity already holds and the other candidates, by the latest valid published policy.
 * Candidates that conflict with each other are all blocked: which of them to grant is an
 * administrator's call, not an accident of order.
 */
export class SodGate {
  constructor(
    private readonly pool: Pool,
    private readonly latest: LatestPolicy,
    private readonly clock: Clock,
  ) {}

  /** Blocking violations that adding `candidates` to what the identity holds would create (empty array per key when clear). Keys: `${applicationId}/${entitlementKey}` */
  async blockingFor(
    subject: PolicySubject,
    held: readonly GateEntitlement[],
    candidates: readonly GateEntitlement[],
  ): Promise<Map<string, SodBlock[]>> {
    const policy = await this.latest.compiled();
    const now = this.clock.now();
    const exceptions = candidates.length === 0 || policy === null ? [] : await validExceptionsOf(this.pool, subject.identityId, now);
    return sodBlocksFor(policy, subject, held, candidates, exceptions, now);
  }
}

/** The gate's decision without I/O: for each candidate, the blocking violations it takes part in. */
export function sodBlocksFor(
  policy: CompiledPolicy | null,
  subject: PolicySubject,
  held: readonly GateEntitlement[],
  candidates: readonly GateEntitlement[],
  exceptions: readonly SodException[],
  now: Date,
): Map<string, SodBlock[]> {
  const blocks = new Map(candidates.map((candidate) => [blockKey(candidate.applicationId, candidate.entitlementKey), [] as SodBlock[]]));
  if (policy === null || candidates.length === 0) return blocks;
  const check = checkSod(
    policy,
    subject,
    [...held, ...candidates].map((entitlement) => ({ entitlement: refOf(entitlement) })),
    exceptions,
    now.toISOString(),
  );
  for (const violation of check.violations) {
    if (!violation.blocking) continue;
    const involved = new Set(violation.conflicting.flatMap((set) => set.entitlements.map(entitlementKey)));
    for (const candidate of candidates) {
      const rules = blocks.get(blockKey(candidate.applicationId, candidate.entitlementKey));
      if (!rules || !involved.has(entitlementKey(refOf(candidate)))) continue;
      if (!rules.some((rule) => rule.ruleId === violation.ruleId)) {
        rules.push({ ruleId: violation.ruleId, ruleName: violation.ruleName, explanation: violation.explanation });
      }
    }
  }
  return blocks;
}

function refOf(entitlement: GateEntitlement): { application: string; entitlement: string } {
  return { application: entitlement.applicationId, entitlement: entitlement.entitlementKey };
}
