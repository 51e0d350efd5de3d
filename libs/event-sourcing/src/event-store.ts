import type { NewEvent, RecordedEvent } from './event';
import type { Position } from './position';

/**
 * What the writer believes about the stream before appending:
 * - `'any'`: no check;
 * - `'no_stream'`: the stream must not exist yet;
 * - a bigint: the revision of the stream's last event must be exactly this.
 */
export type ExpectedRevision = 'any' | 'no_stream' | bigint;

export interface AppendResult {
  /** Revision of the last event now in the stream: pass it as the next expected revision. */
  readonly nextExpectedRevision: bigint;
  /** Global position of the last appended event. */
  readonly position: Position;
}

export interface ReadStreamOptions {
  /** First revision to return (inclusive). Default 0. */
  readonly fromRevision?: bigint;
  readonly maxCount?: number;
}

export interface ReadAllOptions {
  /** Return events strictly after this position. Default: from the beginning. */
  readonly after?: Position;
  readonly maxCount?: number;
  readonly filter?: EventFilter;
}

export interface EventFilter {
  /** Only streams whose id starts with one of these prefixes (e.g. "identity-"). */
  readonly streamPrefixes?: readonly string[];
  /** Only these event types. */
  readonly eventTypes?: readonly string[];
}

/** Whether an event passes the filter: every prefix and type matches exactly as in the stores' own reads. */
export function matchesFilter(filter: EventFilter | undefined, streamId: string, type: string): boolean {
  return filterMatcher(filter)(streamId, type);
}

/**
 * `matchesFilter` for one filter applied to many events: the types are put in a set once, and the
 * type (the more selective test) is checked before the prefixes. A replay asks this of every event
 * for every read model.
 */
export function filterMatcher(filter: EventFilter | undefined): (streamId: string, type: string) => boolean {
  const types = filter?.eventTypes?.length ? new Set(filter.eventTypes) : undefined;
  const prefixes = filter?.streamPrefixes?.length ? filter.streamPrefixes : undefined;
  return (streamId, type) => {
    if (types && !types.has(type)) return false;
    if (!prefixes) return true;
    for (const prefix of prefixes) if (streamId.startsWith(prefix)) return true;
    return false;
  };
}

export type EventHandler = (event: RecordedEvent) => Promise<void>;

export interface SubscribeOptions {
  /** Durable name: the checkpoint is stored under it, so a restart continues where it stopped. */
  readonly subscriptionId: string;
  readonly handle: EventHandler;
  readonly filter?: EventFilter;
  /** Called when the handler keeps failing and the subscription stops (it never skips an event silently). */
  readonly onStopped?: (error: unknown) => void;
  /** Attempts per event before the subscription stops. Default 5. */
  readonly maxAttempts?: number;
}

export interface Subscription {
  readonly subscriptionId: string;
  /** Position of the last event handled and checkpointed, if any. */
  readonly checkpoint: Position | undefined;
  /** Resolves once the subscription has processed everything committed before this call. */
  waitUntilCaughtUp(timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The event store port. Every adapter (PostgreSQL, EventStoreDB) passes the same contract suite
 * in `@tenure/event-store-contract`.
 */
export interface EventStore {
  /**
   * Appends atomically. Idempotent by event id: appending a batch whose ids were already appended
   * as the same batch at the same place returns the original result and writes nothing.
   * @throws WrongExpectedRevisionError, IdempotencyViolationError
   */
  appendToStream(streamId: string, events: readonly NewEvent[], options?: { expectedRevision?: ExpectedRevision }): Promise<AppendResult>;
  /** Events of one stream in revision order; empty when the stream does not exist. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  /** Events of the global log in its one total order, strictly after `after`. */
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /** A durable, checkpointed subscription to the global log: catch up from the stored checkpoint, then live. */
  subscribeToAll(options: SubscribeOptions): Promise<Subscription>;
  close(): Promise<void>;
}
