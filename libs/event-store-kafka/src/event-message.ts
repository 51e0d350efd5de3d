import type { IHeaders, Message } from 'kafkajs';
import type { EventMetadata, RecordedEvent } from '@tenure/event-sourcing';

/** Content type of the message value; a new layout gets a new version here. */
export const EVENT_CONTENT_TYPE = 'application/vnd.tenure.event.v1+json';

export const HEADERS = {
  contentType: 'content-type',
  eventId: 'event-id',
  eventType: 'event-type',
  correlationId: 'correlation-id',
  causationId: 'causation-id',
} as const;

/** The message value: the recorded event, with bigints as decimal strings and the time as ISO-8601. */
export interface EventMessageValue {
  readonly streamId: string;
  readonly revision: string;
  readonly position: { readonly commit: string; readonly prepare: string };
  readonly type: string;
  readonly data: unknown;
  readonly metadata: EventMetadata;
  readonly recordedAt: string;
}

/** A Kafka message that is not a Tenure event in the expected layout. */
export class EventMessageError extends Error {
  readonly code = 'validation';

  constructor(message: string) {
    super(message);
    this.name = 'EventMessageError';
  }
}

/** Key = stream id, so one stream's events land in one partition, in order. */
export function encodeEvent(event: RecordedEvent): Message {
  const value: EventMessageValue = {
    streamId: event.streamId,
    revision: event.revision.toString(),
    position: { commit: event.position.commit.toString(), prepare: event.position.prepare.toString() },
    type: event.type,
    data: event.data,
    metadata: event.metadata,
    recordedAt: event.recordedAt.toISOString(),
  };
  const headers: IHeaders = {
    [HEADERS.contentType]: EVENT_CONTENT_TYPE,
    [HEADERS.eventId]: event.metadata.eventId,
    [HEADERS.eventType]: event.type,
    [HEADERS.correlationId]: event.metadata.correlationId,
  };
  if (event.metadata.causationId !== null) headers[HEADERS.causationId] = event.metadata.causationId;
  return { key: event.streamId, value: JSON.stringify(value), headers };
}

/** The inverse of `encodeEvent`; throws `EventMessageError` naming what is wrong. */
export function decodeEvent(message: { readonly value: Buffer | string | null; readonly headers?: IHeaders | undefined }): RecordedEvent {
  const contentType = headerText(message.headers?.[HEADERS.contentType]);
  if (contentType !== undefined && contentType !== EVENT_CONTENT_TYPE) {
    throw new EventMessageError(`message content type is "${contentType}", expected "${EVENT_CONTENT_TYPE}"`);
  }
  if (message.value === null) throw new EventMessageError('message has no value (a tombstone?)');
  let parsed: unknown;
  try {
    parsed = JSON.parse(message.value.toString());
  } catch (error) {
    throw new EventMessageError(`message value is not JSON: ${(error as Error).message}`);
  }
  const value = parsed as Partial<EventMessageValue>;
  if (typeof value !== 'object' || value === null) throw new EventMessageError('message value is not a JSON object');
  const streamId = requireString(value.streamId, 'streamId');
  const recordedAt = new Date(requireString(value.recordedAt, 'recordedAt'));
  if (Number.isNaN(recordedAt.getTime())) throw new EventMessageError('recordedAt is not a date');
  if (typeof value.metadata !== 'object' || value.metadata === null || typeof value.metadata.eventId !== 'string') {
    throw new EventMessageError('metadata with an eventId is missing');
  }
  if (!('data' in value)) throw new EventMessageError('data is missing');
  return {
    streamId,
    revision: requireDecimal(value.revision, 'revision'),
    position: {
      commit: requireDecimal(value.position?.commit, 'position.commit'),
      prepare: requireDecimal(value.position?.prepare, 'position.prepare'),
    },
    type: requireString(value.type, 'type'),
    data: value.data,
    metadata: value.metadata,
    recordedAt,
  };
}

/** The event id from the headers, without parsing the value (for deduplication). */
export function eventIdOf(headers: IHeaders | undefined): string | undefined {
  return headerText(headers?.[HEADERS.eventId]);
}

function headerText(header: IHeaders[string]): string | undefined {
  const first = Array.isArray(header) ? header[0] : header;
  return first === undefined ? undefined : first.toString();
}

function requireString(value: unknown, field: string): string {
  if (typeof value !== 'string') throw new EventMessageError(`${field} is missing or not a string`);
  return value;
}

function requireDecimal(value: unknown, field: string): bigint {
  if (typeof value !== 'string' || !/^\d+$/.test(value)) throw new EventMessageError(`${field} is missing or not a decimal string`);
  return BigInt(value);
}
