import {
  entitlementKey,
  type AccessPolicy,
  type CompiledPolicy,
  type CompiledSodRule,
  type EntitlementRef,
  type HeldEntitlement,
} from '@tenure/policy-decisions';

/**
 * What the library's indexes save, measured on the same data: the same answers computed by
 * scanning. The baseline gets the compiled rules (roles already expanded, members as keys) and the
 * held entitlements as a Set, so the only difference is the index. It also does less: it returns
 * rule ids, not explained violations, so the speed-up it shows is a lower bound.
 */

/** Ids of the violated rules, found by checking every rule. */
export function naiveSodCheck(policy: CompiledPolicy, held: readonly HeldEntitlement[]): string[] {
  const keys = keysOf(held);
  const violated: string[] = [];
  for (const rule of policy.sodRules.values()) if (setsHit(rule, keys) >= 2) violated.push(rule.rule.id);
  return violated.sort();
}

/** The applicable policy (a scan of all access policies) and the rules the grant would violate (a scan of all rules). */
export function naiveRequestCheck(
  policy: CompiledPolicy,
  accessPolicies: readonly AccessPolicy[],
  held: readonly HeldEntitlement[],
  requested: EntitlementRef,
): { policyId: string | null; conflicts: string[] } {
  const requestedKey = entitlementKey(requested);
  let own: AccessPolicy | null = null;
  let application: AccessPolicy | null = null;
  let fallback: AccessPolicy | null = null;
  for (const candidate of accessPolicies) {
    const { scope } = candidate;
    if (scope.kind === 'entitlement' && entitlementKey(scope.entitlement) === requestedKey) own ??= candidate;
    else if (scope.kind === 'application' && scope.application === requested.application) application ??= candidate;
    else if (scope.kind === 'default') fallback ??= candidate;
  }
  const keys = keysOf(held);
  keys.add(requestedKey);
  const conflicts: string[] = [];
  for (const rule of policy.sodRules.values()) {
    const containsRequested = rule.sets.some((set) => set.members.some((member) => member.key === requestedKey));
    if (containsRequested && setsHit(rule, keys) >= 2) conflicts.push(rule.rule.id);
  }
  return { policyId: (own ?? application ?? fallback)?.id ?? null, conflicts: conflicts.sort() };
}

/** The floor of any indexed SoD check: one key and one map lookup per held entitlement, nothing else. */
export function lookupFloor(policy: CompiledPolicy, held: readonly HeldEntitlement[]): number {
  let found = 0;
  for (const { entitlement } of held) found += policy.sodRulesByEntitlement.get(entitlementKey(entitlement))?.length ?? 0;
  return found;
}

function keysOf(held: readonly HeldEntitlement[]): Set<string> {
  const keys = new Set<string>();
  for (const { entitlement } of held) keys.add(entitlementKey(entitlement));
  return keys;
}

function setsHit(rule: CompiledSodRule, keys: ReadonlySet<string>): number {
  let hit = 0;
  for (const set of rule.sets) if (set.members.some((member) => keys.has(member.key))) hit++;
  return hit;
}
