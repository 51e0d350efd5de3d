import { ErrorType, EventStoreDBClient, type AllStreamResolvedEvent, type ResolvedEvent } from '@eventstore/db-client';
import {
  trackSubscription,
  IdempotencyViolationError,
  WrongExpectedRevisionError,
  comparePositions,
  matchesFilter,
  type AppendResult,
  type EventStore,
  type ExpectedRevision,
  type NewEvent,
  type Position,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type SubscribeOptions,
  type Subscription,
} from '@tenure/event-sourcing';
import { isSystemEvent } from './event-filter';
import { MissingPositionError, toProposedEvent, toRecordedEvent } from './event-mapping';
import { firstRepeatedId, planAppend, type StoredOccurrence } from './idempotency';
import { CheckpointStore, InternalStreams, ProbeWriter, isStreamNotFound } from './internal-streams';
import { EsdbSubscription } from './esdb-subscription';
import { EventIdRegistry } from './event-id-registry';
import {
  conflictsWith,
  describeExpected,
  headFromCurrentRevision,
  isStartPosition,
  pinnedExpectedRevision,
  readPositionFor,
  type StreamHead,
} from './revision-mapping';

export interface EsdbEventStoreOptions {
  /**
   * Prefix of the streams the adapter keeps for itself (subscription checkpoints, caught-up probes).
   * Default "$tenure-": system streams, which need an admin user on a secure server.
   */
  readonly internalStreamPrefix?: string;
  /** Appends retried when other writers move the stream between the idempotency check and the write. Default 10. */
  readonly maxAppendAttempts?: number;
  /**
   * Claim every event id in an internal registry stream so that reusing an id in another stream is
   * refused, as the port requires. Costs one small write per event (sent in parallel). Default true;
   * without it, only reuse within one stream is detected.
   */
  readonly eventIdRegistry?: boolean;
  /** Base delay between subscription handler attempts and reconnections, growing linearly. Default 100 ms. */
  readonly retryDelayMs?: number;
  /** Consecutive failed subscription reconnections before a subscription stops. Default 10. */
  readonly maxReconnectAttempts?: number;
  /** Default timeout of `waitUntilCaughtUp`. Default 30 s. */
  readonly caughtUpTimeoutMs?: number;
}

interface StreamScan {
  readonly head: StreamHead;
  readonly occurrences: StoredOccurrence[];
}

/**
 * The `EventStore` port on EventStoreDB (gRPC client 6.x, server 22.6 or later).
 *
 * EventStoreDB alone deduplicates a batch only when it is retried at the same expected revision
 * (for "any" only on a best-effort basis) and only within one stream. The port asks for more, so:
 * each event id is claimed in a registry stream (reuse in another stream is refused), and before
 * writing the adapter reads the stream looking for the batch's ids, then pins the write to the head
 * it saw, which makes that check and the write atomic. Cost and trade-offs: docs/event-store-adapters.md.
 */
export class EsdbEventStore implements EventStore {
  private readonly streams: InternalStreams;
  private readonly checkpoints: CheckpointStore;
  private readonly probes: ProbeWriter;
  private readonly subscriptions = new Set<Subscription>();
  private readonly maxAppendAttempts: number;
  private readonly registry: EventIdRegistry | undefined;

  constructor(
    private readonly client: EventStoreDBClient,
    private readonly options: EsdbEventStoreOptions = {},
  ) {
    this.streams = new InternalStreams(options.internalStreamPrefix ?? '$tenure-');
    this.checkpoints = new CheckpointStore(client, this.streams);
    this.probes = new ProbeWriter(client, this.streams);
    this.maxAppendAttempts = options.maxAppendAttempts ?? 10;
    this.registry = options.eventIdRegistry === false ? undefined : new EventIdRegistry(client, this.streams);
  }

  /** E.g. `esdb://localhost:2113?tls=false`. */
  static fromConnectionString(connectionString: string, options?: EsdbEventStoreOptions): EsdbEventStore {
    return new EsdbEventStore(EventStoreDBClient.connectionString(connectionString), options);
  }

  async appendToStream(
    streamId: string,
    events: readonly NewEvent[],
    options?: { expectedRevision?: ExpectedRevision },
  ): Promise<AppendResult> {
    if (events.length === 0) throw new RangeError(`nothing to append to stream "${streamId}"`);
    const expected = options?.expectedRevision ?? 'any';
    const proposed = events.map(toProposedEvent);
    const ids = proposed.map((event) => event.id);
    const repeated = firstRepeatedId(ids);
    if (repeated >= 0) throw new IdempotencyViolationError(streamId, events[repeated]!.metadata.eventId);
    const takenElsewhere = (await this.registry?.claim(streamId, ids)) ?? -1;
    if (takenElsewhere >= 0) throw new IdempotencyViolationError(streamId, events[takenElsewhere]!.metadata.eventId);

    for (let attempt = 1; ; attempt++) {
      const scan = await this.scan(streamId, new Set(ids));
      const plan = planAppend(ids, scan.occurrences);
      if (plan.kind === 'already_appended') return { nextExpectedRevision: plan.lastRevision, position: plan.position };
      if (plan.kind === 'violation') throw new IdempotencyViolationError(streamId, events[plan.index]!.metadata.eventId);
      if (conflictsWith(expected, scan.head)) throw new WrongExpectedRevisionError(streamId, describeExpected(expected), scan.head);

      try {
        const result = await this.client.appendToStream(streamId, proposed, { expectedRevision: pinnedExpectedRevision(scan.head) });
        return {
          nextExpectedRevision: result.nextExpectedRevision,
          position: await this.positionOf(streamId, result.nextExpectedRevision),
        };
      } catch (error) {
        if (!isWrongExpectedVersion(error)) throw error;
        // Someone appended between the scan and the write (maybe this very batch, retried): look again.
        if (attempt >= this.maxAppendAttempts) {
          throw new WrongExpectedRevisionError(
            streamId,
            describeExpected(expected),
            headFromCurrentRevision((error as { actualVersion?: unknown }).actualVersion),
          );
        }
      }
    }
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    if (options.maxCount !== undefined && options.maxCount <= 0) return [];
    const read = this.client.readStream(streamId, {
      ...(options.fromRevision !== undefined ? { fromRevision: options.fromRevision } : {}),
      ...(options.maxCount !== undefined ? { maxCount: options.maxCount } : {}),
    });
    const events: RecordedEvent[] = [];
    try {
      for await (const resolved of read as AsyncIterable<ResolvedEvent>) {
        if (resolved.event) events.push(toRecordedEvent(resolved.event));
      }
      return events;
    } catch (error) {
      if (isStreamNotFound(error)) return [];
      throw error;
    }
  }

  /**
   * `$all` has no server-side filter on plain reads in this client, so the filter (and the hiding of
   * system events) runs here: a sparse filter over a long log reads much more than it returns.
   */
  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const maxCount = options.maxCount ?? Number.MAX_SAFE_INTEGER;
    if (maxCount <= 0) return [];
    const after = options.after && !isStartPosition(options.after) ? options.after : undefined;
    const read = this.client.readAll({ fromPosition: readPositionFor(after) });
    const events: RecordedEvent[] = [];
    try {
      for await (const resolved of read as AsyncIterable<AllStreamResolvedEvent>) {
        const raw = resolved.event;
        if (!raw || isSystemEvent(raw.streamId, raw.type) || this.streams.isInternal(raw.streamId)) continue;
        if (!matchesFilter(options.filter, raw.streamId, raw.type)) continue;
        const event = toRecordedEvent(raw);
        // Reads of $all start at the given position inclusively; the port wants strictly after.
        if (after && comparePositions(event.position, after) <= 0) continue;
        events.push(event);
        if (events.length >= maxCount) break;
      }
    } finally {
      await read.cancel().catch(() => undefined);
    }
    return events;
  }

  async subscribeToAll(options: SubscribeOptions): Promise<Subscription> {
    const subscription = await EsdbSubscription.start(
      {
        client: this.client,
        streams: this.streams,
        checkpoints: this.checkpoints,
        probes: this.probes,
        retryDelayMs: this.options.retryDelayMs ?? 100,
        maxReconnectAttempts: this.options.maxReconnectAttempts ?? 10,
        defaultCaughtUpTimeoutMs: this.options.caughtUpTimeoutMs ?? 30_000,
      },
      options,
    );
    return trackSubscription(this.subscriptions, subscription);
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((subscription) => subscription.stop()));
    this.subscriptions.clear();
    await this.client.dispose();
  }

  /** Reads the whole stream once: its head, and where any of `ids` already occur. */
  private async scan(streamId: string, ids: ReadonlySet<string>): Promise<StreamScan> {
    let head: StreamHead = 'no_stream';
    const occurrences: StoredOccurrence[] = [];
    const read = this.client.readStream(streamId);
    try {
      for await (const resolved of read as AsyncIterable<ResolvedEvent>) {
        const event = resolved.event;
        if (!event) continue;
        head = event.revision;
        if (ids.has(event.id.toLowerCase())) {
          if (!event.position) throw new MissingPositionError(streamId, event.revision);
          occurrences.push({ esdbId: event.id.toLowerCase(), revision: event.revision, position: event.position });
        }
      }
    } catch (error) {
      if (!isStreamNotFound(error)) throw error;
    }
    return { head, occurrences };
  }

  /** The log position of one event: append results only name the write, so read it back exactly. */
  private async positionOf(streamId: string, revision: bigint): Promise<Position> {
    const [event] = await this.readStream(streamId, { fromRevision: revision, maxCount: 1 });
    if (!event) throw new Error(`event ${revision} of stream "${streamId}" was appended but cannot be read back`);
    return event.position;
  }
}

function isWrongExpectedVersion(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { type?: unknown }).type === ErrorType.WRONG_EXPECTED_VERSION;
}
