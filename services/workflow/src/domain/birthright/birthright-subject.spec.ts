import { compilePolicy, validatePolicySet, type PolicySubject } from '@tenure/policy-decisions';
import { assignableBirthright } from './birthright-subject';

const validated = validatePolicySet({
  birthrightRules: [
    { id: 'everyone', name: 'Everyone', condition: { op: 'always' }, entitlements: [{ application: 'mail', entitlement: 'mailbox' }] },
    {
      id: 'working',
      name: 'Working today',
      condition: { op: 'equals', attribute: 'status', value: 'active' },
      entitlements: [{ application: 'vpn', entitlement: 'user' }],
    },
  ],
});
if (!validated.ok) throw new Error(JSON.stringify(validated.problems));
const policy = compilePolicy({ version: 1, publishedAt: '2026-06-01T00:00:00.000Z', publishedBy: '', note: '', policy: validated.policy });

const subject = (status: PolicySubject['status']): PolicySubject => ({
  identityId: 'identity-1',
  employeeNumber: '1001',
  status,
  department: 'Sales',
  title: 'Account Executive',
  location: 'Paris',
  costCenter: 'CC-1',
  employmentType: 'employee',
  managerEmployeeNumber: null,
  managerChain: [],
  custom: {},
});
const keys = (status: PolicySubject['status']) =>
  assignableBirthright(policy, subject(status)).entitlements.map(
    ({ entitlement }) => `${entitlement.application}:${entitlement.entitlement}`,
  );

describe('the birthright workflow assigns', () => {
  it('given a rule that tests the status, when the person is on leave, then they are decided as if active: a leave keeps access', () => {
    expect(keys('on-leave')).toEqual(keys('active'));
    expect(keys('active')).toEqual(['mail:mailbox', 'vpn:user']);
  });

  it('given a terminated person, when decided, then nothing is birthright', () => {
    expect(keys('terminated')).toEqual([]);
  });
});
