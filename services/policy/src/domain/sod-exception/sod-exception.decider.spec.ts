import { deciderSpec } from '@tenure/testing';
import { sodExceptionDecider } from './sod-exception.decider';
import type { GrantSodException } from './sod-exception.commands';
import type { SodExceptionEvent } from './sod-exception.events';

const now = new Date('2026-05-10T08:00:00Z');
const spec = deciderSpec(sodExceptionDecider);

const grant = (overrides: Partial<GrantSodException['data']> = {}): GrantSodException => ({
  type: 'GrantSodException',
  data: {
    exceptionId: 'x1',
    ruleId: 'vendor-payment',
    identityId: 'id-10039',
    identityEmployeeNumber: '10039',
    reason: 'interim cover while the AP team is one person short',
    validUntil: '2026-06-10T08:00:00Z',
    by: '10005',
    now,
    ...overrides,
  },
});
const granted: SodExceptionEvent = {
  type: 'SodExceptionGranted',
  data: {
    exceptionId: 'x1',
    ruleId: 'vendor-payment',
    identityId: 'id-10039',
    approvedBy: '10005',
    reason: 'interim cover while the AP team is one person short',
    validUntil: '2026-06-10T08:00:00.000Z',
    grantedAt: now.toISOString(),
  },
};
const revoke = (at = now) =>
  ({ type: 'RevokeSodException', data: { exceptionId: 'x1', reason: 'cover ended', by: '10005', now: at } }) as const;
const revoked: SodExceptionEvent = {
  type: 'SodExceptionRevoked',
  data: { exceptionId: 'x1', by: '10005', reason: 'cover ended', revokedAt: now.toISOString() },
};
const expired: SodExceptionEvent = {
  type: 'SodExceptionExpired',
  data: { exceptionId: 'x1', identityId: 'id-10039', ruleId: 'vendor-payment', expiredAt: '2026-06-10T08:00:00.000Z' },
};
const after = new Date('2026-06-10T08:00:00Z');

describe('an SoD exception', () => {
  it('given nothing, when granted with a reason until a date within a year, then it is granted by the approver', () => {
    spec.given([]).when(grant()).then([granted]);
  });

  it('given nothing, when granted without a reason, then the reason is required', () => {
    spec
      .given([])
      .when(grant({ reason: '  ' }))
      .thenThrows({ code: 'validation', details: { field: 'reason' } });
  });

  it('given nothing, when valid until now, the past, more than 365 days ahead or not a date, then validUntil is refused', () => {
    for (const validUntil of [now.toISOString(), '2026-01-01T00:00:00Z', '2027-05-10T08:00:01Z', 'next week']) {
      spec
        .given([])
        .when(grant({ validUntil }))
        .thenThrows({ code: 'validation', details: { field: 'validUntil' } });
    }
    spec
      .given([])
      .when(grant({ validUntil: '2027-05-10T08:00:00Z' }))
      .then([expect.objectContaining({ type: 'SodExceptionGranted' })] as never);
  });

  it('given nothing, when the identity approves an exception for themselves, then it is forbidden', () => {
    spec
      .given([])
      .when(grant({ by: '10039' }))
      .thenThrows({
        code: 'forbidden',
        message: 'employee 10039 cannot approve an SoD exception for themselves',
      });
  });

  it('given a granted exception, when granted again with the same id, then it is a conflict', () => {
    spec.given([granted]).when(grant()).thenThrows({ code: 'conflict' });
  });

  it('given a granted exception, when revoked with a reason, then it is revoked; without a reason it is refused', () => {
    spec.given([granted]).when(revoke()).then([revoked]);
    spec
      .given([granted])
      .when({ type: 'RevokeSodException', data: { exceptionId: 'x1', reason: '', by: '10005', now } })
      .thenThrows({ code: 'validation' });
  });

  it('given a revoked exception, when revoked again, then it is an illegal state', () => {
    spec
      .given([granted, revoked])
      .when(revoke())
      .thenThrows({
        code: 'illegal_state',
        message: `SoD exception x1 was already revoked at ${now.toISOString()}`,
      });
  });

  it('given an exception past its validUntil (expiry recorded or not), when revoked, then it is an illegal state', () => {
    spec
      .given([granted])
      .when(revoke(after))
      .thenThrows({ code: 'illegal_state', message: expect.stringContaining('expired at 2026-06-10T08:00:00.000Z') });
    spec.given([granted, expired]).when(revoke()).thenThrows({ code: 'illegal_state' });
  });

  it('given no exception, when revoked, then it is not found', () => {
    spec.given([]).when(revoke()).thenThrows({ code: 'not_found', message: 'SoD exception x1 does not exist' });
  });

  it('given a granted exception, when its expiry fires at validUntil, then it expires; firing again or after a revocation records nothing', () => {
    const expire = (at: Date) => ({ type: 'ExpireSodException', data: { exceptionId: 'x1', now: at } }) as const;
    spec.given([granted]).when(expire(after)).then([expired]);
    spec.given([granted, expired]).when(expire(after)).then([]);
    spec.given([granted, revoked]).when(expire(after)).then([]);
  });

  it('given a granted exception, when its expiry fires early, then it is refused so that the timer tries again', () => {
    spec
      .given([granted])
      .when({ type: 'ExpireSodException', data: { exceptionId: 'x1', now } })
      .thenThrows({ code: 'illegal_state' });
  });
});
