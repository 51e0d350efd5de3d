import { entitlementKey } from '../model/entitlement';
import type { AccessPolicy, ApproverGroup, BirthrightRule, Role, SodRule } from '../model/policy-set';
import type { PolicyProblem } from './policy-problem';
import { itemProblem, type ItemLocation } from './problem-messages';

/**
 * What can be judged on one item alone, after its shape is known to be right. Checks that need the
 * rest of the set (references, unique ids and scopes) are in set-checks.ts.
 */

export function checkRole(_role: Role, _location: ItemLocation): PolicyProblem[] {
  // A role without entitlements is allowed: administrators create the role first, then fill it.
  return [];
}

export function checkBirthrightRule(rule: BirthrightRule, location: ItemLocation): PolicyProblem[] {
  if (rule.roles.length === 0 && rule.entitlements.length === 0) {
    return [itemProblem(location, [], 'grants nothing: list roles or entitlements')];
  }
  return [];
}

export function checkSodRule(rule: SodRule, location: ItemLocation): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  const setOfName = new Map<string, number>();
  const setOfEntitlement = new Map<string, number>();
  rule.sets.forEach((set, index) => {
    if (set.entitlements.length === 0 && set.roles.length === 0) {
      problems.push(itemProblem(location, ['sets', index], 'has no entitlements and no roles: each set needs at least one entitlement'));
    }
    const sameName = setOfName.get(set.name);
    if (sameName === undefined) setOfName.set(set.name, index);
    else
      problems.push(itemProblem(location, ['sets', index, 'name'], `${JSON.stringify(set.name)} is already the name of sets[${sameName}]`));
    set.entitlements.forEach((entitlement, position) => {
      const key = entitlementKey(entitlement);
      const otherSet = setOfEntitlement.get(key);
      if (otherSet === undefined) setOfEntitlement.set(key, index);
      else if (otherSet !== index) {
        problems.push(
          itemProblem(
            location,
            ['sets', index, 'entitlements', position],
            `(${key}) is also in sets[${otherSet}]: holding it alone would violate the rule`,
          ),
        );
      }
    });
  });
  return problems;
}

export function checkApproverGroup(group: ApproverGroup, location: ItemLocation): PolicyProblem[] {
  const seen = new Set<string>();
  const problems: PolicyProblem[] = [];
  group.members.forEach((member, index) => {
    if (seen.has(member)) problems.push(itemProblem(location, ['members', index], `(${member}) is listed twice`));
    seen.add(member);
  });
  return problems;
}

export function checkAccessPolicy(_policy: AccessPolicy, _location: ItemLocation): PolicyProblem[] {
  // Durations, shares and approval counts are bounded by the schema; references need the set.
  return [];
}
