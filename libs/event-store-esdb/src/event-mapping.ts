import { jsonEvent, type EventData, type JSONType, type RecordedEvent as EsdbRecordedEvent } from '@eventstore/db-client';
import { DomainError, type EventMetadata, type NewEvent, type RecordedEvent } from '@tenure/event-sourcing';
import { toEsdbEventId } from './event-id';

/** A port event as EventStoreDB stores it: JSON data, the port metadata as JSON metadata. */
export function toProposedEvent(event: NewEvent): EventData {
  if (event.data === undefined) {
    throw new DomainError(
      'validation',
      `event ${event.metadata.eventId} of type "${event.type}" has no data; use null for an event without data`,
      {
        eventId: event.metadata.eventId,
      },
    );
  }
  return jsonEvent({
    id: toEsdbEventId(event.metadata.eventId),
    type: event.type,
    data: event.data as JSONType,
    metadata: event.metadata as unknown as JSONType,
  });
}

export class MissingPositionError extends Error {
  constructor(
    readonly streamId: string,
    readonly revision: bigint,
  ) {
    super(
      `EventStoreDB returned event ${revision} of stream "${streamId}" without its log position; ` +
        'stream reads carry positions from server version 22.6 on: upgrade the server',
    );
    this.name = 'MissingPositionError';
  }
}

/**
 * An EventStoreDB event as the port's `RecordedEvent`: `recordedAt` is the server's `created`.
 * Events written by other tools may lack Tenure metadata; they get a minimal one so that readers
 * can always rely on `eventId` (the EventStoreDB id then) and the original is kept under `esdbMetadata`.
 */
export function toRecordedEvent(event: EsdbRecordedEvent): RecordedEvent {
  if (!event.position) throw new MissingPositionError(event.streamId, event.revision);
  return {
    streamId: event.streamId,
    revision: event.revision,
    position: { commit: event.position.commit, prepare: event.position.prepare },
    type: event.type,
    // Binary events only come from other writers; base64 keeps them JSON-safe for every consumer.
    data: event.isJson ? event.data : Buffer.from(event.data).toString('base64'),
    metadata: toEventMetadata(event),
    recordedAt: event.created,
  };
}

function toEventMetadata(event: EsdbRecordedEvent): EventMetadata {
  const stored: unknown = event.metadata;
  if (isTenureMetadata(stored)) return stored;
  return {
    eventId: event.id,
    correlationId: event.id,
    causationId: null,
    actor: { kind: 'system', id: 'eventstoredb' },
    occurredAt: event.created.toISOString(),
    ...(stored === undefined ? {} : { esdbMetadata: stored instanceof Uint8Array ? Buffer.from(stored).toString('base64') : stored }),
  };
}

function isTenureMetadata(value: unknown): value is EventMetadata {
  return (
    typeof value === 'object' &&
    value !== null &&
    !(value instanceof Uint8Array) &&
    typeof (value as { eventId?: unknown }).eventId === 'string'
  );
}
