/**
 * The connector service's applications and entitlement catalog, as much of them as other contexts
 * may rely on. The connector keeps one `application-<applicationId>` stream per application (its
 * owner, among settings and sealed credentials nobody else reads) and one `catalog-<applicationId>`
 * stream for the entitlements discovered in its target and what administrators say about them.
 * Workflow keeps a copy to route approvals and reviews to owners and to show the risk of a request.
 *
 * Only the fields below are published; the connector's events carry more (settings, credentials,
 * license costs), which consumers must not read.
 */

export const APPLICATION_STREAM_PREFIX = 'application-';
export const CATALOG_STREAM_PREFIX = 'catalog-';

export function applicationStreamId(applicationId: string): string {
  return `${APPLICATION_STREAM_PREFIX}${applicationId}`;
}

export function catalogStreamId(applicationId: string): string {
  return `${CATALOG_STREAM_PREFIX}${applicationId}`;
}

interface Published<Type extends string, Data> {
  readonly type: Type;
  readonly data: Data;
}

export type PublishedRiskLevel = 'low' | 'medium' | 'high' | 'critical';

export type PublishedApplicationRegistered = Published<
  'ApplicationRegistered',
  { readonly applicationId: string; readonly name: string; readonly ownerEmployeeNumber: string; readonly registeredAt: string }
>;

export type PublishedApplicationOwnerChanged = Published<
  'ApplicationOwnerChanged',
  { readonly applicationId: string; readonly ownerEmployeeNumber: string; readonly changedAt: string }
>;

export type PublishedApplicationEvent = PublishedApplicationRegistered | PublishedApplicationOwnerChanged;

export const PUBLISHED_APPLICATION_EVENT_TYPES: readonly PublishedApplicationEvent['type'][] = [
  'ApplicationRegistered',
  'ApplicationOwnerChanged',
];

/** An entitlement found in the application's target; `displayName` is the target's own name for it. */
export type PublishedEntitlementDiscovered = Published<
  'EntitlementDiscovered',
  { readonly applicationId: string; readonly key: string; readonly displayName: string; readonly discoveredAt: string }
>;

/**
 * What an administrator says about a discovered entitlement; each annotation replaces the previous
 * one whole. A null `displayName` falls back to the discovered one; null owner or risk: not assessed.
 */
export type PublishedEntitlementAnnotated = Published<
  'EntitlementAnnotated',
  {
    readonly applicationId: string;
    readonly key: string;
    readonly displayName: string | null;
    readonly ownerEmployeeNumber: string | null;
    readonly risk: PublishedRiskLevel | null;
    readonly requestable: boolean;
    readonly annotatedAt: string;
  }
>;

export type PublishedCatalogEvent = PublishedEntitlementDiscovered | PublishedEntitlementAnnotated;

export const PUBLISHED_CATALOG_EVENT_TYPES: readonly PublishedCatalogEvent['type'][] = ['EntitlementDiscovered', 'EntitlementAnnotated'];
