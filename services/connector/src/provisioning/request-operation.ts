import { createHash } from 'node:crypto';
import { operationStreamId } from '@tenure/contracts';
import { IdempotencyViolationError, WrongExpectedRevisionError, type Actor, type EventStore } from '@tenure/event-sourcing';
import type { OperationRequest, OperationRequested } from '../domain/operation/operation.events';

export type { OperationRequest };

export interface OperationRequestContext {
  readonly actor: Actor;
  /** Of the event or command that caused the request: auditors follow it from cause to outcome. */
  readonly correlationId: string;
  readonly causationId: string | null;
}

/**
 * Asks for an operation: appends `OperationRequested` as the first event of `operation-<operationId>`.
 * The operation id is the idempotency key (derived from the cause, see operation-ids.ts), so asking
 * again for the same id is not an error and records nothing: it resolves `{ requested: false }`.
 * The event id is derived from the operation id too, so a replay is recognised by any store.
 */
export async function requestOperation(
  store: EventStore,
  request: OperationRequest,
  context: OperationRequestContext,
): Promise<{ readonly requested: boolean }> {
  const event: OperationRequested = { type: 'OperationRequested', data: request };
  try {
    await store.appendToStream(
      operationStreamId(request.operationId),
      [
        {
          type: event.type,
          data: event.data,
          metadata: {
            eventId: requestEventId(request.operationId),
            correlationId: context.correlationId,
            causationId: context.causationId,
            actor: context.actor,
            occurredAt: request.requestedAt,
          },
        },
      ],
      { expectedRevision: 'no_stream' },
    );
    return { requested: true };
  } catch (error) {
    if (error instanceof WrongExpectedRevisionError || error instanceof IdempotencyViolationError) return { requested: false };
    throw error;
  }
}

/** A UUID-shaped id (version 5 layout, SHA-256 based) named by the operation: the same operation, the same id. */
function requestEventId(operationId: string): string {
  const hex = createHash('sha256').update(`OperationRequested:${operationId}`).digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
