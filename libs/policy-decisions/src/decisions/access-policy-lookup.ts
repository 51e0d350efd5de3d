import { entitlementKey, type EntitlementRef } from '../model/entitlement';
import type { AccessPolicyIndex, CompiledAccessPolicy } from './compiled-policy';

export interface ApplicablePolicy {
  readonly compiled: CompiledAccessPolicy;
  /** For reasons: "the entitlement's own policy", "the policy of application github", "the default policy". */
  readonly scope: string;
}

/** The most specific access policy: the entitlement's own, else its application's, else the default one. */
export function applicablePolicy(index: AccessPolicyIndex, entitlement: EntitlementRef): ApplicablePolicy | null {
  const own = index.byEntitlement.get(entitlementKey(entitlement));
  if (own) return { compiled: own, scope: `the policy for ${entitlementKey(entitlement)}` };
  const application = index.byApplication.get(entitlement.application);
  if (application) return { compiled: application, scope: `the policy for application ${entitlement.application}` };
  if (index.fallback) return { compiled: index.fallback, scope: 'the default policy' };
  return null;
}
