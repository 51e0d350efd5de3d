import { heldAt, inTargetAt, parseUtcLocal, type AssignmentRecord } from './holders';

const record = (overrides: Partial<AssignmentRecord> = {}): AssignmentRecord => ({
  id: 'a-1',
  applicationId: 'erp',
  entitlementKey: 'payment-approve',
  status: 'REVOKED',
  source: { kind: 'REQUEST', reference: 'r-1', policyVersion: 1 },
  validFrom: '2026-01-01T00:00:00.000Z',
  validUntil: null,
  addedAt: '2026-01-01T00:00:00.000Z',
  acknowledgedAt: '2026-01-01T00:00:05.000Z',
  revokedAt: '2026-02-01T00:00:00.000Z',
  revocationAcknowledgedAt: '2026-02-01T00:00:03.000Z',
  revocationReason: 'EXPIRED',
  ...overrides,
});

describe('heldAt', () => {
  it('given an assignment revoked later, when asked in between, then it was held', () => {
    expect(heldAt(record(), new Date('2026-01-15T00:00:00Z'))).toBe(true);
  });

  it('given an assignment revoked at the asked instant, when asked, then it was no longer held', () => {
    expect(heldAt(record(), new Date('2026-02-01T00:00:00Z'))).toBe(false);
  });

  it('given an assignment valid from a later date, when asked before it, then it was not held yet', () => {
    expect(heldAt(record({ validFrom: '2026-01-10T00:00:00Z' }), new Date('2026-01-05T00:00:00Z'))).toBe(false);
  });

  it('given a grant whose end passed, when asked after the end, then it was not held', () => {
    expect(heldAt(record({ revokedAt: null, validUntil: '2026-01-02T00:00:00Z' }), new Date('2026-01-03T00:00:00Z'))).toBe(false);
  });
});

describe('inTargetAt', () => {
  it('given a grant acknowledged a few seconds after it was added, when asked before the acknowledgement, then the target did not have it yet', () => {
    expect(inTargetAt(record(), new Date('2026-01-01T00:00:01Z'))).toBe(false);
    expect(inTargetAt(record(), new Date('2026-01-01T00:00:06Z'))).toBe(true);
  });

  it('given a removal acknowledged, when asked after it, then the target no longer had it', () => {
    expect(inTargetAt(record(), new Date('2026-02-01T00:00:04Z'))).toBe(false);
  });
});

describe('parseUtcLocal', () => {
  it('given a datetime-local value with or without seconds, when parsed, then it is read as UTC', () => {
    expect(parseUtcLocal('2026-11-26T10:30')?.toISOString()).toBe('2026-11-26T10:30:00.000Z');
    expect(parseUtcLocal('2026-11-26T10:30:15')?.toISOString()).toBe('2026-11-26T10:30:15.000Z');
  });

  it('given anything else, when parsed, then it is refused', () => {
    expect(parseUtcLocal('yesterday')).toBeNull();
    expect(parseUtcLocal(undefined)).toBeNull();
  });
});
