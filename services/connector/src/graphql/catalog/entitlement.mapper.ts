import type { EntitlementAnnotation } from '../../domain/catalog';
import type { EntitlementPage, EntitlementView } from '../../read-model/entitlements/entitlements.queries';
import type { RiskLevel } from '../shared/connector-enums';
import { PageInfo } from '../shared/page-info.type';
import type { AnnotateEntitlementInput } from './entitlement.input';
import { Entitlement, EntitlementConnection, EntitlementEdge } from './entitlement.type';

export function toEntitlement(view: EntitlementView): Entitlement {
  return Object.assign(new Entitlement(), {
    id: `${view.applicationId}:${view.key}`,
    applicationId: view.applicationId,
    key: view.key,
    displayName: view.displayName,
    description: view.description,
    kind: view.kind,
    ownerEmployeeNumber: view.ownerEmployeeNumber,
    risk: view.risk as RiskLevel | null,
    licenseCost: view.licenseCost,
    licenseCurrency: view.licenseCurrency,
    requestable: view.requestable,
    present: view.present,
    discoveredAt: view.discoveredAt,
    vanishedAt: view.vanishedAt,
  });
}

export function toEntitlementConnection(page: EntitlementPage): EntitlementConnection {
  const edges = page.entitlements.map(({ cursor, entitlement }) =>
    Object.assign(new EntitlementEdge(), { cursor, node: toEntitlement(entitlement) }),
  );
  return Object.assign(new EntitlementConnection(), {
    edges,
    pageInfo: Object.assign(new PageInfo(), { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null }),
  });
}

/** Fields left out of the input stay undefined (unchanged); explicit nulls clear, except `requestable`, which is never null. */
export function toAnnotationChanges(input: AnnotateEntitlementInput): Partial<EntitlementAnnotation> {
  const { displayName, description, ownerEmployeeNumber, risk, licenseCost, requestable } = input;
  return {
    ...(displayName !== undefined ? { displayName } : {}),
    ...(description !== undefined ? { description } : {}),
    ...(ownerEmployeeNumber !== undefined ? { ownerEmployeeNumber } : {}),
    ...(risk !== undefined ? { risk } : {}),
    ...(licenseCost !== undefined ? { licenseCost } : {}),
    ...(requestable !== undefined && requestable !== null ? { requestable } : {}),
  };
}
