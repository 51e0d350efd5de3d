import { createHash } from 'node:crypto';
import { killSwitchStreamId, type PublishedKillSwitchPlanned } from '@tenure/contracts';
import { IdempotencyViolationError, WrongExpectedRevisionError, type EventStore } from '@tenure/event-sourcing';
import type { OperationRequestContext } from './request-operation';

/**
 * Records which disable operations a termination asked for (`kill-switch-<terminationEventId>`),
 * so that workflow knows when the leaver's last account is disabled. Appended once: a batch planned
 * again after a crash finds the plan there and records nothing (the first plan stands).
 */
export async function recordKillSwitchPlan(
  store: EventStore,
  plan: PublishedKillSwitchPlanned['data'],
  context: OperationRequestContext,
): Promise<{ readonly recorded: boolean }> {
  const event: PublishedKillSwitchPlanned = { type: 'KillSwitchPlanned', data: plan };
  try {
    await store.appendToStream(
      killSwitchStreamId(plan.terminationEventId),
      [
        {
          type: event.type,
          data: event.data,
          metadata: {
            eventId: planEventId(plan.terminationEventId),
            correlationId: context.correlationId,
            causationId: context.causationId,
            actor: context.actor,
            occurredAt: plan.plannedAt,
          },
        },
      ],
      { expectedRevision: 'no_stream' },
    );
    return { recorded: true };
  } catch (error) {
    if (error instanceof WrongExpectedRevisionError || error instanceof IdempotencyViolationError) return { recorded: false };
    throw error;
  }
}

/** A UUID-shaped id named by the termination: the same plan, the same id. */
function planEventId(terminationEventId: string): string {
  const hex = createHash('sha256').update(`KillSwitchPlanned:${terminationEventId}`).digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
