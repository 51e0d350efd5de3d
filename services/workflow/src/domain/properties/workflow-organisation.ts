import { compilePolicy, EMPTY_POLICY_SET, type CompiledPolicy, type PolicySet, type PolicySubject } from '@tenure/policy-decisions';

// The organisation and policy the property test runs in: 1 heads 2 and 3; 2 manages 4 and 5; 3
// manages 6. Birthright: mail for everyone, GitHub membership for Engineering, vendor creation for
// Finance. Requests: AWS admin through the manager, the owner (4) and two of a group (2, 4, 6),
// with break-glass; GitHub membership through the manager (so a request and a move's birthright
// can race for the same entitlement); the wiki without approval.

export const MANAGERS: Readonly<Record<string, string | null>> = { '1': null, '2': '1', '3': '1', '4': '2', '5': '2', '6': '3' };
export const PEOPLE = Object.keys(MANAGERS);
export const DEPARTMENTS = ['Engineering', 'Finance', 'Sales'] as const;
export type Department = (typeof DEPARTMENTS)[number];
export const ENTITLEMENT_OWNER = '4';
export const GROUP_MEMBERS: readonly string[] = ['2', '4', '6'];

export const REQUESTABLE = [
  { applicationId: 'aws', entitlementKey: 'prod-admin' },
  { applicationId: 'github', entitlementKey: 'member' },
  { applicationId: 'wiki', entitlementKey: 'editor' },
] as const;

const ref = (application: string, entitlement: string) => ({ application, entitlement });
const rule = (id: string, department: string | null, entitlement: { application: string; entitlement: string }) => ({
  id,
  name: id,
  description: '',
  condition: department === null ? ({ op: 'always' } as const) : ({ op: 'equals', attribute: 'department', value: department } as const),
  roles: [],
  entitlements: [entitlement],
  enabled: true,
});
const accessPolicy = (
  id: string,
  application: string,
  approvalChain: PolicySet['accessPolicies'][number]['approvalChain'],
  breakGlass: boolean,
) => ({
  id,
  name: id,
  scope: { kind: 'application' as const, application },
  requestable: true,
  requestableBy: null,
  maxDurationHours: 8,
  approvalChain,
  autoApproval: null,
  risk: 'high' as const,
  breakGlass,
});

const POLICY: PolicySet = {
  ...EMPTY_POLICY_SET,
  birthrightRules: [
    rule('everyone', null, ref('mail', 'mailbox')),
    rule('engineering', 'Engineering', ref('github', 'member')),
    rule('finance', 'Finance', ref('erp', 'create-vendor')),
  ],
  accessPolicies: [
    accessPolicy('aws', 'aws', [{ kind: 'manager' }, { kind: 'entitlement-owner' }, { kind: 'group', group: 'g', approvals: 2 }], true),
    accessPolicy('github', 'github', [{ kind: 'manager' }], false),
    accessPolicy('wiki', 'wiki', [], false),
  ],
  approverGroups: [{ id: 'g', name: 'Approvers', members: GROUP_MEMBERS }],
};

export const COMPILED_POLICY: CompiledPolicy = compilePolicy({
  version: 1,
  publishedAt: '2026-01-01T00:00:00.000Z',
  publishedBy: 'admin',
  note: '',
  policy: POLICY,
});

export function managerChainOf(employeeNumber: string): string[] {
  const chain: string[] = [];
  for (let manager = MANAGERS[employeeNumber] ?? null; manager !== null; manager = MANAGERS[manager] ?? null) chain.push(manager);
  return chain;
}

export function identityIdOf(employeeNumber: string): string {
  return `identity-${employeeNumber}`;
}

export function subjectOf(employeeNumber: string, status: PolicySubject['status'], department: Department): PolicySubject {
  return {
    identityId: identityIdOf(employeeNumber),
    employeeNumber,
    status,
    department,
    title: 'Employee',
    location: 'Paris',
    costCenter: 'CC-1',
    employmentType: 'employee',
    managerEmployeeNumber: MANAGERS[employeeNumber] ?? null,
    managerChain: managerChainOf(employeeNumber),
    custom: {},
  };
}
