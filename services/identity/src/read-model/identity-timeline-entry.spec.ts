import type { RecordedEvent } from '@tenure/event-sourcing';
import type { IdentityEvent } from '../domain/identity';
import { timelineEntryOf } from './identity-timeline-entry';

const source = { kind: 'scim', reference: 'req-9' } as const;

function recorded(event: IdentityEvent, revision = 3n): RecordedEvent {
  return {
    streamId: 'identity-9001',
    revision,
    position: { commit: 1n, prepare: 1n },
    type: event.type,
    data: event.data,
    metadata: {
      eventId: 'e-1',
      correlationId: 'c-1',
      causationId: null,
      actor: { kind: 'person', id: 'admin-1' },
      occurredAt: '2026-11-25T09:00:00.000Z',
    },
    recordedAt: new Date('2026-11-25T09:00:01.000Z'),
  };
}

describe('timeline entries', () => {
  const SUMMARIES: readonly (readonly [IdentityEvent, string])[] = [
    [
      {
        type: 'IdentityAttributesUpdated',
        data: {
          identityId: 'i-1',
          effectiveDate: '2026-11-25',
          before: { email: 'a@x.io', managerEmployeeNumber: null },
          after: { email: 'b@x.io', managerEmployeeNumber: '42' },
          source,
          lifecycle: 'update',
        },
      },
      'Updated: email a@x.io → b@x.io; manager (none) → 42',
    ],
    [
      {
        type: 'AttributeChangeScheduled',
        data: { identityId: 'i-1', effectiveDate: '2027-01-01', changes: { costCenter: 'CC-9', title: 'Lead' }, source },
      },
      'Change scheduled for 2027-01-01: title → Lead; cost center → CC-9',
    ],
    [
      {
        type: 'ScheduledAttributeChangeDiscarded',
        data: { identityId: 'i-1', effectiveDate: '2027-01-01', reason: 'no-difference', source },
      },
      'Change scheduled for 2027-01-01 discarded: it no longer changed anything',
    ],
    [
      { type: 'IdentityLeaveStarted', data: { identityId: 'i-1', effectiveDate: '2026-11-25', reason: 'parental leave', source } },
      'Leave of absence from 2026-11-25 (parental leave)',
    ],
    [
      { type: 'IdentityReturnedFromLeave', data: { identityId: 'i-1', effectiveDate: '2027-05-01', source } },
      'Returned from leave on 2027-05-01',
    ],
    [
      { type: 'TerminationCancelled', data: { identityId: 'i-1', effectiveDate: '2026-12-31', source } },
      'Termination scheduled for 2026-12-31 cancelled',
    ],
    [
      { type: 'IdentityStartDateChanged', data: { identityId: 'i-1', previousStartDate: '2026-12-01', startDate: '2026-12-08', source } },
      'Start date changed: 2026-12-01 → 2026-12-08',
    ],
  ];

  it.each(SUMMARIES.map(([event, summary]) => [event.type, event, summary] as const))(
    'summarises %s in one line',
    (_type, event, summary) => {
      expect(timelineEntryOf(recorded(event)).summary).toBe(summary);
    },
  );

  it('keeps who, when and why from the stored event, and lists only a move or update’s changes', () => {
    const leave = timelineEntryOf(
      recorded({ type: 'IdentityLeaveStarted', data: { identityId: 'i-1', effectiveDate: '2026-11-25', reason: 'sabbatical', source } }),
    );
    expect(leave).toEqual({
      revision: 3n,
      type: 'IdentityLeaveStarted',
      lifecycle: null,
      occurredAt: new Date('2026-11-25T09:00:00.000Z'),
      recordedAt: new Date('2026-11-25T09:00:01.000Z'),
      actor: { kind: 'person', id: 'admin-1' },
      source,
      effectiveDate: '2026-11-25',
      reason: 'sabbatical',
      summary: 'Leave of absence from 2026-11-25 (sabbatical)',
      changes: [],
    });
  });

  it('names an event type it does not know by its type instead of failing the whole timeline', () => {
    const future = recorded({ type: 'IdentityBadgePrinted', data: { identityId: 'i-1' } } as unknown as IdentityEvent);
    expect(timelineEntryOf(future)).toMatchObject({
      type: 'IdentityBadgePrinted',
      summary: 'IdentityBadgePrinted',
      lifecycle: null,
      source: null,
    });
  });
});
