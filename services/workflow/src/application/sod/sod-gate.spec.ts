import { compilePolicy, EMPTY_POLICY_SET, type PolicySubject, type SodAction, type SodException } from '@tenure/policy-decisions';
import { sodBlocksFor } from './sod-gate';

const NOW = new Date('2026-06-01T09:00:00Z');

const subject: PolicySubject = {
  identityId: 'identity-1',
  employeeNumber: '1001',
  status: 'active',
  department: 'Finance',
  title: 'Clerk',
  location: 'Berlin',
  costCenter: 'CC-1',
  employmentType: 'employee',
  managerEmployeeNumber: null,
  managerChain: [],
  custom: {},
};

function policyWith(action: SodAction) {
  return compilePolicy({
    version: 3,
    publishedAt: '2026-06-01T07:00:00.000Z',
    publishedBy: 'policy-admin',
    note: '',
    policy: {
      ...EMPTY_POLICY_SET,
      sodRules: [
        {
          id: 'vendor-payment',
          name: 'Vendor creation vs payment approval',
          description: '',
          severity: 'high',
          action,
          sets: [
            { name: 'Create vendors', entitlements: [{ application: 'erp', entitlement: 'vendor-create' }], roles: [] },
            { name: 'Approve payments', entitlements: [{ application: 'erp', entitlement: 'payment-approve' }], roles: [] },
          ],
        },
      ],
    },
  });
}

const vendorCreate = { applicationId: 'erp', entitlementKey: 'vendor-create' };
const paymentApprove = { applicationId: 'erp', entitlementKey: 'payment-approve' };
const mail = { applicationId: 'mail', entitlementKey: 'mailbox' };

function exceptionUntil(validUntil: string): SodException {
  return { exceptionId: 'x-1', ruleId: 'vendor-payment', identityId: 'identity-1', approvedBy: '9001', reason: 'cover', validUntil };
}

describe('the SoD gate', () => {
  it('given a held entitlement and a candidate in the other set of a block rule, when gated, then only that candidate is blocked, naming the rule', () => {
    const blocks = sodBlocksFor(policyWith('block'), subject, [vendorCreate], [paymentApprove, mail], [], NOW);

    expect(blocks.get('mail/mailbox')).toEqual([]);
    expect(blocks.get('erp/payment-approve')).toEqual([
      { ruleId: 'vendor-payment', ruleName: 'Vendor creation vs payment approval', explanation: expect.stringContaining('blocked') },
    ]);
  });

  it('given two candidates that conflict with each other, when gated, then both are blocked', () => {
    const blocks = sodBlocksFor(policyWith('block'), subject, [], [vendorCreate, paymentApprove], [], NOW);

    expect(blocks.get('erp/vendor-create')).toHaveLength(1);
    expect(blocks.get('erp/payment-approve')).toHaveLength(1);
  });

  it('given a require-exception rule, when gated without and with a valid exception, then it blocks only without one', () => {
    const policy = policyWith('require-exception');

    expect(sodBlocksFor(policy, subject, [vendorCreate], [paymentApprove], [], NOW).get('erp/payment-approve')).toHaveLength(1);
    expect(
      sodBlocksFor(policy, subject, [vendorCreate], [paymentApprove], [exceptionUntil('2026-06-02T00:00:00Z')], NOW).get(
        'erp/payment-approve',
      ),
    ).toEqual([]);
    expect(
      sodBlocksFor(policy, subject, [vendorCreate], [paymentApprove], [exceptionUntil('2026-06-01T09:00:00Z')], NOW).get(
        'erp/payment-approve',
      ),
    ).toHaveLength(1);
  });

  it('given a block rule, when gated with an exception, then the exception does not waive it', () => {
    const blocks = sodBlocksFor(
      policyWith('block'),
      subject,
      [vendorCreate],
      [paymentApprove],
      [exceptionUntil('2026-06-02T00:00:00Z')],
      NOW,
    );

    expect(blocks.get('erp/payment-approve')).toHaveLength(1);
  });

  it('given an alert rule or no policy, when gated, then nothing is blocked', () => {
    expect(sodBlocksFor(policyWith('alert'), subject, [vendorCreate], [paymentApprove], [], NOW).get('erp/payment-approve')).toEqual([]);
    expect(sodBlocksFor(null, subject, [vendorCreate], [paymentApprove], [], NOW).get('erp/payment-approve')).toEqual([]);
  });
});
