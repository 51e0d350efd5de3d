import type { AssignmentRow } from '../data/my-access';
import { accountsWithoutAssignments, describeExpiry, describeSource, describeTarget, sortAssignments } from './access-view';

function assignment(overrides: Partial<AssignmentRow> = {}): AssignmentRow {
  return {
    id: 'a-1',
    applicationId: 'github',
    entitlementKey: 'org-member',
    status: 'ACTIVE',
    source: { kind: 'BIRTHRIGHT', reference: 'engineering-tools', policyVersion: 2 },
    validFrom: '2026-03-01T00:00:00.000Z',
    validUntil: null,
    durationMs: null,
    addedAt: '2026-03-01T00:00:00.000Z',
    acknowledgedAt: '2026-03-01T00:00:05.000Z',
    revokedAt: null,
    revocationReason: null,
    revocationAcknowledgedAt: null,
    provisioningFailure: null,
    ...overrides,
  };
}

const reasons = new Map([
  ['github:org-member', [{ ruleId: 'engineering-tools', ruleName: 'Engineering tools', roleId: 'engineer', roleName: 'Engineer' }]],
]);

describe('where access comes from', () => {
  it('given a birthright assignment, when its source is described, then the rule and role are named with the policy version', () => {
    expect(describeSource(assignment(), reasons)).toEqual({
      label: 'Birthright: Engineering tools (role Engineer)',
      detail: 'policy version 2',
    });
  });

  it('given a birthright the policy no longer explains, when its source is described, then the rule ids are shown', () => {
    expect(describeSource(assignment({ source: { kind: 'BIRTHRIGHT', reference: 'r1,r2', policyVersion: null } }), new Map())).toEqual({
      label: 'Birthright rule r1, r2',
    });
  });

  it('given a requested assignment, when its source is described, then it links to the request', () => {
    expect(describeSource(assignment({ source: { kind: 'REQUEST', reference: 'req-7', policyVersion: 3 } }), reasons)).toEqual({
      label: 'Your request',
      detail: 'req-7',
      href: '/requests?request=req-7',
    });
  });
});

describe('what the application shows', () => {
  const grants = [{ applicationId: 'github', entitlementKey: 'org-member', assignmentId: 'a-1', grantedAt: '2026-03-01T00:00:05.000Z' }];
  const accounts = [{ applicationId: 'github', userName: 'oliver', status: 'ENABLED' as const, updatedAt: '2026-03-01T00:00:05.000Z' }];

  it('given an active assignment the connector granted, when the target is described, then it is granted with the account', () => {
    expect(describeTarget(assignment(), grants, accounts, 'GitHub')).toEqual({
      tone: 'success',
      summary: 'Granted in GitHub',
      account: 'Account oliver (enabled)',
    });
  });

  it('given a pending assignment whose grant failed, when the target is described, then the failure is shown', () => {
    const failing = assignment({
      status: 'PENDING_PROVISIONING',
      provisioningFailure: {
        action: 'grant',
        errorKind: 'unavailable',
        message: 'GitHub answered 503',
        failedAt: '2026-03-01T00:01:00.000Z',
      },
    });

    expect(describeTarget(failing, [], [], 'GitHub')).toEqual({
      tone: 'danger',
      summary: 'Not granted yet: GitHub answered 503 (unavailable)',
    });
  });

  it('given a revoked assignment the target still lists, when the target is described, then the discrepancy is flagged', () => {
    expect(describeTarget(assignment({ status: 'REVOKED' }), grants, [], 'GitHub').tone).toBe('danger');
    expect(describeTarget(assignment({ status: 'REVOKED' }), [], [], 'GitHub')).toEqual({
      tone: 'neutral',
      summary: 'Removed from GitHub',
    });
  });

  it('given an account in an application the person holds nothing in, when accounts are compared, then it is listed apart', () => {
    const slack = { applicationId: 'slack', userName: 'oliver', status: 'DISABLED' as const, updatedAt: '2026-03-01T00:00:05.000Z' };

    expect(accountsWithoutAssignments([...accounts, slack], [assignment()])).toEqual([slack]);
  });
});

describe('when access ends', () => {
  it('given the kinds of end, when expiry is described, then each is told apart', () => {
    expect(describeExpiry(assignment({ validUntil: '2026-03-02T10:00:00.000Z' }))).toEqual({
      kind: 'until',
      at: '2026-03-02T10:00:00.000Z',
    });
    expect(describeExpiry(assignment({ status: 'PENDING_PROVISIONING', durationMs: 4 * 3_600_000 }))).toEqual({
      kind: 'after-grant',
      hours: 4,
    });
    expect(describeExpiry(assignment())).toEqual({ kind: 'none' });
    expect(describeExpiry(assignment({ status: 'REVOKED', revokedAt: '2026-03-02T00:00:00.000Z' }))).toEqual({
      kind: 'ended',
      at: '2026-03-02T00:00:00.000Z',
    });
  });

  it('given current and ended access, when sorted, then current comes first, soonest to end first', () => {
    const sorted = sortAssignments([
      assignment({ id: 'ended', status: 'REVOKED' }),
      assignment({ id: 'no-end', applicationId: 'a' }),
      assignment({ id: 'soon', validUntil: '2026-03-02T10:00:00.000Z' }),
    ]);

    expect(sorted.map((row) => row.id)).toEqual(['soon', 'no-end', 'ended']);
  });
});
