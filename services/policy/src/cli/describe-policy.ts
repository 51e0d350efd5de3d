import type { PolicySet } from '@tenure/policy-decisions';

/** "7 roles, 8 birthright rules, 2 SoD rules, 5 access policies, 1 approver group". */
export function describePolicy(policy: PolicySet): string {
  return [
    count(policy.roles.length, 'role'),
    count(policy.birthrightRules.length, 'birthright rule'),
    count(policy.sodRules.length, 'SoD rule'),
    count(policy.accessPolicies.length, 'access policy', 'access policies'),
    count(policy.approverGroups.length, 'approver group'),
  ].join(', ');
}

function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
