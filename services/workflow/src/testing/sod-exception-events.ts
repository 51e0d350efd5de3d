import { sodExceptionStreamId, type PublishedSodExceptionEvent } from '@tenure/contracts';
import type { EventStore } from '@tenure/event-sourcing';
import { POLICY_SERVICE } from './policy-events';
import { appendPublishedEvent } from './published-events';

async function append(store: EventStore, exceptionId: string, event: PublishedSodExceptionEvent): Promise<void> {
  await appendPublishedEvent(store, sodExceptionStreamId(exceptionId), event, POLICY_SERVICE, '2026-06-01T08:00:00.000Z');
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
