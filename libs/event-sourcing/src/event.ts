import type { Position } from './position';

/** Who caused a change: a person, a service acting on its own, or an HR feed. */
export interface Actor {
  readonly kind: 'person' | 'service' | 'hr-feed' | 'system';
  readonly id: string;
}

/** A domain event as a decider produces it: a past-tense type and plain, JSON-serialisable data. */
export interface DomainEvent<Type extends string = string, Data = unknown> {
  readonly type: Type;
  readonly data: Data;
}

/** Metadata every stored event carries, so auditors can link cause and effect. */
export interface EventMetadata {
  readonly eventId: string;
  readonly correlationId: string;
  readonly causationId: string | null;
  readonly actor: Actor;
  /** ISO-8601 time at which the change happened in the domain (injected, never read from a clock in `decide`). */
  readonly occurredAt: string;
  /**
   * The trace the event was appended in (W3C `traceparent`, maybe `tracestate`), when traces are on:
   * whoever handles the event continues that trace. Absent from events appended without one.
   */
  readonly trace?: Readonly<Record<string, string>>;
  readonly [extra: string]: unknown;
}

/** An event ready to be appended: a domain event plus its metadata. */
export interface NewEvent<E extends DomainEvent = DomainEvent> {
  readonly type: E['type'];
  readonly data: E['data'];
  readonly metadata: EventMetadata;
}

/** An event as read back from the store. */
export interface RecordedEvent<E extends DomainEvent = DomainEvent> {
  readonly streamId: string;
  /** 0-based position of this event inside its stream. */
  readonly revision: bigint;
  /** Position in the global log; totally ordered, see `comparePositions`. */
  readonly position: Position;
  readonly type: E['type'];
  readonly data: E['data'];
  readonly metadata: EventMetadata;
  /** Time the store committed the event. */
  readonly recordedAt: Date;
}
