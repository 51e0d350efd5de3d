import { randomUUID } from 'node:crypto';
import { sodExceptionStreamId, type PublishedSodExceptionEvent } from '@tenure/contracts';
import type { EventStore } from '@tenure/event-sourcing';

async function append(store: EventStore, exceptionId: string, event: PublishedSodExceptionEvent): Promise<void> {
  await store.appendToStream(sodExceptionStreamId(exceptionId), [
    {
      type: event.type,
      data: event.data,
      metadata: {
        eventId: randomUUID(),
        correlationId: randomUUID(),
        causationId: null,
        actor: { kind: 'person', id: 'policy-admin' },
        occurredAt: '2026-06-01T08:00:00.000Z',
      },
    },
  ]);
}

/** An SoD exception as the policy service grants it (the contract's part of the event). */
export function grantSodException(
  store: EventStore,
  exception: { exceptionId: string; identityId: string; ruleId: string; validUntil: string },
): Promise<void> {
  return append(store, exception.exceptionId, {
    type: 'SodExceptionGranted',
    data: { ...exception, approvedBy: '9001', reason: 'covering for a colleague', grantedAt: '2026-06-01T08:00:00.000Z' },
  });
}

export function revokeSodException(store: EventStore, exceptionId: string): Promise<void> {
  return append(store, exceptionId, {
    type: 'SodExceptionRevoked',
    data: { exceptionId, by: '9001', reason: 'no longer needed', revokedAt: '2026-06-01T08:00:00.000Z' },
  });
}
