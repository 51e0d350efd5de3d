import { compileCondition } from '../conditions/compile-condition';
import { entitlementKey, type EntitlementKey, type EntitlementRef } from '../model/entitlement';
import type { AccessPolicy, BirthrightRule, Role, SodRule } from '../model/policy-set';
import type { PolicyVersion } from '../model/policy-version';
import type {
  AccessPolicyIndex,
  BirthrightGrant,
  CompiledAccessPolicy,
  CompiledBirthrightRule,
  CompiledPolicy,
  CompiledSodRule,
  CompiledSodSet,
  SodIndex,
} from './compiled-policy';

/**
 * Prepares a policy version for decisions. Expects a valid policy (see validatePolicySet): where ids
 * repeat, the first item wins, and a reference to a role that does not exist grants nothing.
 */
export function compilePolicy(version: PolicyVersion): CompiledPolicy {
  const { policy } = version;
  const roles = firstById(policy.roles);
  const sodIndex = compileSodIndex(policy.sodRules, roles);
  const sodRules = sodIndex.rules;
  return {
    version: version.version,
    policy,
    roles,
    approverGroups: firstById(policy.approverGroups),
    birthrightRules: policy.birthrightRules.filter((rule) => rule.enabled).map((rule) => compileBirthrightRule(rule, roles)),
    sodRules: new Map([...sodRules].map((rule) => [rule.rule.id, rule])),
    sodRulesByEntitlement: indexByEntitlement(sodRules),
    sodIndex,
    accessPolicies: indexAccessPolicies(policy.accessPolicies),
  };
}

function firstById<T extends { readonly id: string }>(items: readonly T[]): Map<string, T> {
  const byId = new Map<string, T>();
  for (const item of items) if (!byId.has(item.id)) byId.set(item.id, item);
  return byId;
}

function compileBirthrightRule(rule: BirthrightRule, roles: ReadonlyMap<string, Role>): CompiledBirthrightRule {
  const grants: BirthrightGrant[] = [];
  const seen = new Set<string>();
  const add = (entitlement: EntitlementRef, role: Role | null) => {
    const key = entitlementKey(entitlement);
    const how = `${role?.id ?? ''}\u0000${key}`;
    if (seen.has(how)) return;
    seen.add(how);
    grants.push({ key, entitlement, roleId: role?.id ?? null, roleName: role?.name ?? null });
  };
  for (const entitlement of rule.entitlements) add(entitlement, null);
  for (const roleId of rule.roles) {
    const role = roles.get(roleId);
    if (role) for (const entitlement of role.entitlements) add(entitlement, role);
  }
  return { rule, condition: compileCondition(rule.condition), grants, keys: [...new Set(grants.map((grant) => grant.key))] };
}

/** Rules sorted by id (their ordinal), members numbered densely in order of first appearance. */
function compileSodIndex(rules: readonly SodRule[], roles: ReadonlyMap<string, Role>): SodIndex {
  const entitlementIds = new Map<string, Map<string, number>>();
  const rulesByEntitlement: CompiledSodRule[][] = [];
  const idOf = (entitlement: EntitlementRef): number => {
    let byEntitlement = entitlementIds.get(entitlement.application);
    if (byEntitlement === undefined) entitlementIds.set(entitlement.application, (byEntitlement = new Map()));
    let id = byEntitlement.get(entitlement.entitlement);
    if (id === undefined) {
      id = rulesByEntitlement.length;
      byEntitlement.set(entitlement.entitlement, id);
      rulesByEntitlement.push([]);
    }
    return id;
  };
  const unique = [...firstById(rules).values()].sort((a, b) => compareText(a.id, b.id));
  const compiled = unique.map((rule, ordinal): CompiledSodRule => ({
    rule,
    ordinal,
    sets: rule.sets.map((set) => compileSodSet(set, roles, idOf)),
  }));
  for (const rule of compiled) {
    // In ordinal order, so each entitlement's list is in id order too.
    const ids = new Set(rule.sets.flatMap((set) => set.members.map((member) => member.id)));
    for (const id of ids) rulesByEntitlement[id]!.push(rule);
  }
  return { entitlementIds, entitlementCount: rulesByEntitlement.length, rulesByEntitlement, rules: compiled };
}

function compileSodSet(
  set: SodRule['sets'][number],
  roles: ReadonlyMap<string, Role>,
  idOf: (entitlement: EntitlementRef) => number,
): CompiledSodSet {
  const members = new Map<EntitlementKey, EntitlementRef>();
  const add = (entitlement: EntitlementRef) => {
    const key = entitlementKey(entitlement);
    if (!members.has(key)) members.set(key, entitlement);
  };
  for (const entitlement of set.entitlements) add(entitlement);
  for (const roleId of set.roles) for (const entitlement of roles.get(roleId)?.entitlements ?? []) add(entitlement);
  return {
    name: set.name,
    members: [...members].sort(([a], [b]) => compareText(a, b)).map(([key, entitlement]) => ({ key, entitlement, id: idOf(entitlement) })),
  };
}

function indexByEntitlement(rules: readonly CompiledSodRule[]): Map<EntitlementKey, CompiledSodRule[]> {
  const index = new Map<EntitlementKey, CompiledSodRule[]>();
  for (const rule of rules) {
    const keys = new Set(rule.sets.flatMap((set) => set.members.map((member) => member.key)));
    for (const key of keys) {
      const list = index.get(key);
      if (list) list.push(rule);
      else index.set(key, [rule]);
    }
  }
  return index;
}

function indexAccessPolicies(policies: readonly AccessPolicy[]): AccessPolicyIndex {
  const byEntitlement = new Map<EntitlementKey, CompiledAccessPolicy>();
  const byApplication = new Map<string, CompiledAccessPolicy>();
  let fallback: CompiledAccessPolicy | null = null;
  for (const accessPolicy of policies) {
    const policy: CompiledAccessPolicy = {
      policy: accessPolicy,
      requestableBy: accessPolicy.requestableBy === null ? null : compileCondition(accessPolicy.requestableBy),
    };
    const { scope } = accessPolicy;
    if (scope.kind === 'entitlement') {
      const key = entitlementKey(scope.entitlement);
      if (!byEntitlement.has(key)) byEntitlement.set(key, policy);
    } else if (scope.kind === 'application') {
      if (!byApplication.has(scope.application)) byApplication.set(scope.application, policy);
    } else {
      fallback ??= policy;
    }
  }
  return { byEntitlement, byApplication, fallback };
}

/** Code-unit order: the same on every machine and locale, unlike localeCompare. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
