import { randomUUID } from 'node:crypto';
import type { Actor, EventStore } from '@tenure/event-sourcing';

/** Who appends, and when, as another context would: its actor and its correlation id prefix. */
export interface Publisher {
  readonly actor: Actor;
  /** The correlation id is `<prefix>-<eventId>`. */
  readonly correlationPrefix: string;
}

/** Appends one event another context publishes (the contract's part of it) to its stream; returns its event id. */
export async function appendPublishedEvent(
  store: EventStore,
  streamId: string,
  event: { readonly type: string; readonly data: unknown },
  publisher: Publisher,
  occurredAt: string,
): Promise<string> {
  const eventId = randomUUID();
  await store.appendToStream(streamId, [
    {
      type: event.type,
      data: event.data,
      metadata: {
        eventId,
        correlationId: `${publisher.correlationPrefix}-${eventId}`,
        causationId: null,
        actor: publisher.actor,
        occurredAt,
      },
    },
  ]);
  return eventId;
}
