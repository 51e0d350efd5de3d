import type { NewEvent } from '@tenure/event-sourcing';
import { randomUUID } from 'node:crypto';

/**
 * An event shaped like the ones Tenure writes most (an entitlement granted after an approved
 * request): a few ids, a reason, a date, and full audit metadata. About 600 bytes of JSON.
 */
export function sampleEvent(sequence: number, correlationId = randomUUID()): NewEvent {
  return {
    type: 'EntitlementGranted',
    data: {
      identityId: `identity-${(sequence % 5000).toString().padStart(6, '0')}`,
      entitlementId: randomUUID(),
      applicationId: 'app-ledger',
      source: { kind: 'access-request', requestId: randomUUID(), approvedBy: ['manager-000117', 'owner-000042'] },
      grantedUntil: '2031-03-31T23:59:59.000Z',
      reason: 'Quarter-end close: read access to the general ledger for reconciliation',
      sequence,
    },
    metadata: {
      eventId: randomUUID(),
      correlationId,
      causationId: randomUUID(),
      actor: { kind: 'service', id: 'workflow-service' },
      occurredAt: '2030-03-31T08:15:00.000Z',
    },
  };
}

export function sampleEvents(count: number, firstSequence: number): NewEvent[] {
  const correlationId = randomUUID();
  return Array.from({ length: count }, (_, i) => sampleEvent(firstSequence + i, correlationId));
}

/** The same content as a row of the raw baseline table: what a plain INSERT of an event would write. */
export interface RawEventRow {
  readonly streamId: string;
  readonly eventId: string;
  readonly type: string;
  readonly data: string;
  readonly metadata: string;
}

export function toRawRow(streamId: string, event: NewEvent): RawEventRow {
  return {
    streamId,
    eventId: event.metadata.eventId,
    type: event.type,
    data: JSON.stringify(event.data),
    metadata: JSON.stringify(event.metadata),
  };
}
