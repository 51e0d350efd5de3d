import type { EntitlementKey, EntitlementRef } from '../model/entitlement';
import type { PolicySubject } from '../model/subject';
import type { CompiledBirthrightRule, CompiledPolicy } from './compiled-policy';
import { compareText } from './compile-policy';
import type { BirthrightDecision, BirthrightEntitlement, BirthrightReason } from './decision-types';

/**
 * The entitlements a person should hold because of who they are, each with every rule (and role)
 * that grants it and the attribute values that matched. Someone who left gets nothing; a person
 * before their start date or on leave gets their birthright (conditions may test `status`).
 */
export function birthrightFor(policy: CompiledPolicy, subject: PolicySubject): BirthrightDecision {
  const base = { policyVersion: policy.version, identityId: subject.identityId };
  if (subject.status === 'terminated') return { ...base, entitlements: [] };

  const byKey = new Map<EntitlementKey, { entitlement: EntitlementRef; reasons: BirthrightReason[] }>();
  for (const compiled of policy.birthrightRules) {
    if (!compiled.condition.test(subject)) continue;
    const matched = compiled.condition.explain(subject);
    for (const grant of compiled.grants) {
      const reason: BirthrightReason = {
        ruleId: compiled.rule.id,
        ruleName: compiled.rule.name,
        roleId: grant.roleId,
        roleName: grant.roleName,
        matched,
      };
      const entry = byKey.get(grant.key);
      if (entry) entry.reasons.push(reason);
      else byKey.set(grant.key, { entitlement: grant.entitlement, reasons: [reason] });
    }
  }

  const entitlements: BirthrightEntitlement[] = [...byKey]
    .sort(([a], [b]) => compareText(a, b))
    .map(([, entry]) => ({ entitlement: entry.entitlement, reasons: entry.reasons.sort(byRuleThenRole) }));
  return { ...base, entitlements };
}

// Reasons in a fixed order whatever the order of the rules in the policy: the same inputs give the same answer.
function byRuleThenRole(a: BirthrightReason, b: BirthrightReason): number {
  return compareText(a.ruleId, b.ruleId) || compareText(a.roleId ?? '', b.roleId ?? '');
}

/** The rules that grant each birthright entitlement, without explanations: what a simulation needs. */
export function birthrightGrants(policy: CompiledPolicy, subject: PolicySubject): Map<EntitlementKey, BirthrightSource> {
  const byKey = new Map<EntitlementKey, BirthrightSource>();
  if (subject.status === 'terminated') return byKey;
  for (const compiled of policy.birthrightRules) {
    if (!compiled.condition.test(subject)) continue;
    for (const grant of compiled.grants) {
      const source = byKey.get(grant.key);
      if (source === undefined) byKey.set(grant.key, { entitlement: grant.entitlement, rules: [compiled] });
      else if (source.rules[source.rules.length - 1] !== compiled) source.rules.push(compiled);
    }
  }
  return byKey;
}

export interface BirthrightSource {
  readonly entitlement: EntitlementRef;
  readonly rules: CompiledBirthrightRule[];
}
