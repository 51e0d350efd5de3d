import type { RecordedEvent } from '@tenure/event-sourcing';
import { birthrightScope, isEmptyScope } from './birthright-scope';

function revoked(reason: string, n: number): RecordedEvent {
  return {
    streamId: 'assignments-identity-1',
    revision: BigInt(n),
    position: { commit: 1n, prepare: BigInt(n) },
    type: 'AssignmentRevoked',
    data: {
      assignmentId: `a-${n}`,
      identityId: 'identity-1',
      applicationId: 'app',
      entitlementKey: 'e',
      reason,
      revokedAt: '2026-11-26T00:00:00.000Z',
    },
    metadata: {
      eventId: `event-${n}`,
      correlationId: 'c',
      causationId: null,
      actor: { kind: 'service', id: 'workflow-birthright' },
      occurredAt: '2026-11-26T00:00:00.000Z',
    },
    recordedAt: new Date('2026-11-26T00:00:00.000Z'),
  } as RecordedEvent;
}

describe('birthright scope', () => {
  it('given only revocations the process made itself (leaver, no longer birthright), when read, then there is nothing to decide', () => {
    const scope = birthrightScope([revoked('leaver', 0), revoked('no-longer-birthright', 1)]);

    expect(isEmptyScope(scope)).toBe(true);
  });

  it('given requested access that expired, when read, then its identity is re-evaluated', () => {
    const scope = birthrightScope([revoked('leaver', 0), revoked('expired', 1)]);

    expect(isEmptyScope(scope)).toBe(false);
    expect([...scope.identities.keys()]).toEqual(['identity-1']);
  });
});
