import type { SodViolation } from '@tenure/policy-decisions';
import { deciderSpec } from '@tenure/testing';
import { sodViolationsDecider } from './sod-violations.decider';
import type { RecordSodCheck } from './sod-violations.commands';
import type { SodViolationEvent } from './sod-violations.events';

const spec = deciderSpec(sodViolationsDecider);

const violation = (overrides: Partial<SodViolation> = {}): SodViolation => ({
  ruleId: 'vendor-payment',
  ruleName: 'Create vendor / approve payment',
  severity: 'high',
  action: 'require-exception',
  conflicting: [
    { setName: 'create vendor', entitlements: [{ application: 'erp', entitlement: 'vendor-create' }] },
    { setName: 'approve payment', entitlements: [{ application: 'erp', entitlement: 'payment-approve' }] },
  ],
  exception: null,
  blocking: true,
  explanation: 'holds erp:vendor-create and erp:payment-approve',
  ...overrides,
});
const exception = {
  exceptionId: 'x1',
  ruleId: 'vendor-payment',
  identityId: 'id-1',
  approvedBy: '10005',
  reason: 'cover',
  validUntil: '2026-06-10T08:00:00.000Z',
};
const check = (violations: readonly SodViolation[], policyVersion = 1, ruleIds = ['vendor-payment']): RecordSodCheck => ({
  type: 'RecordSodCheck',
  data: { identityId: 'id-1', employeeNumber: '10039', policyVersion, violations, ruleIds },
});
const detected: SodViolationEvent = {
  type: 'SodViolationDetected',
  data: { identityId: 'id-1', employeeNumber: '10039', ruleId: 'vendor-payment', policyVersion: 1, violation: violation() },
};
const resolved = (reason: string, policyVersion = 1): SodViolationEvent => ({
  type: 'SodViolationResolved',
  data: { identityId: 'id-1', ruleId: 'vendor-payment', policyVersion, reason },
});

describe('detective SoD for one identity', () => {
  it('given no violation on record, when a check finds one, then it is detected', () => {
    spec
      .given([])
      .when(check([violation()]))
      .then([detected]);
  });

  it('given a violation on record, when a check finds it again (under a newer version too), then nothing is recorded', () => {
    spec
      .given([detected])
      .when(check([violation()]))
      .then([]);
    spec
      .given([detected])
      .when(check([violation({ ruleName: 'renamed', explanation: 'other words' })], 2))
      .then([]);
  });

  it('given a violation on record, when a check finds it through other entitlements, then it is detected again with them', () => {
    const wider = violation({
      conflicting: [
        { setName: 'create vendor', entitlements: [{ application: 'erp', entitlement: 'vendor-create' }] },
        {
          setName: 'approve payment',
          entitlements: [
            { application: 'erp', entitlement: 'payment-approve' },
            { application: 'bank', entitlement: 'payment-release' },
          ],
        },
      ],
    });
    spec
      .given([detected])
      .when(check([wider], 2))
      .then([{ type: 'SodViolationDetected', data: { ...detected.data, policyVersion: 2, violation: wider } }] as never);
  });

  it('given no violation on record, when a check finds only a waived one, then nothing is recorded', () => {
    spec
      .given([])
      .when(check([violation({ exception, blocking: false })]))
      .then([]);
  });

  it('given a violation on record, when an exception waives it, then it is resolved naming the exception', () => {
    spec
      .given([detected])
      .when(check([violation({ exception, blocking: false })]))
      .then([resolved('waived by SoD exception x1 until 2026-06-10T08:00:00.000Z')]);
  });

  it('given a violation on record, when the entitlements are no longer held together, then it is resolved saying so', () => {
    spec
      .given([detected])
      .when(check([], 1))
      .then([resolved('the conflicting entitlements are no longer held together (policy version 1)')]);
  });

  it('given a violation on record, when the rule is gone from a new version, then it is resolved naming the rule and version', () => {
    spec
      .given([detected])
      .when(check([], 2, []))
      .then([resolved('SoD rule "vendor-payment" is not in policy version 2', 2)]);
  });

  it('given a resolved violation, when a check finds it again, then it is detected again', () => {
    spec
      .given([detected, resolved('waived')])
      .when(check([violation()]))
      .then([detected]);
  });
});
