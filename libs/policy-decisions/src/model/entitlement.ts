/**
 * An entitlement as policy refers to it: the connector service owns the catalog (issue 5); policy
 * names entitlements by application and the application's own key, and never checks that they exist.
 */
export interface EntitlementRef {
  /** The application's id in the connector catalog, e.g. "github". */
  readonly application: string;
  /** The entitlement's key inside that application, e.g. "org-member" or "deploy-production". */
  readonly entitlement: string;
}

/** "application:entitlement": one string per entitlement, for maps and sets. */
export type EntitlementKey = string;

export function entitlementKey(ref: EntitlementRef): EntitlementKey {
  return `${ref.application}:${ref.entitlement}`;
}

export function parseEntitlementKey(key: EntitlementKey): EntitlementRef {
  const separator = key.indexOf(':');
  if (separator <= 0 || separator === key.length - 1) throw new RangeError(`"${key}" is not an entitlement key (application:entitlement)`);
  return { application: key.slice(0, separator), entitlement: key.slice(separator + 1) };
}

export const RISK_LEVELS = ['low', 'medium', 'high', 'critical'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export function riskRank(risk: RiskLevel): number {
  return RISK_LEVELS.indexOf(risk);
}
