import {
  trackSubscription,
  DomainError,
  IdempotencyViolationError,
  START,
  WrongExpectedRevisionError,
  type AppendResult,
  type EventStore,
  type ExpectedRevision,
  type NewEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type SubscribeOptions,
  type Subscription,
} from '@tenure/event-sourcing';
import { PersonalDataVault, type PersonalDataMasterKey } from '@tenure/personal-data';
import { surviveConnectionLoss } from '@tenure/platform';
import { activeTraceContext } from '@tenure/tracing';
import { Pool, type PoolConfig } from 'pg';
import { EVENT_COLUMNS, globalLogCondition, positionParams, toRecordedEvent, type EventRow } from './event-rows';
import { Leases } from './leases/leases';
import { Notifier } from './notifier';
import { IDEMPOTENCY_VIOLATION, sqlDetail, sqlState, UNIQUE_VIOLATION, WRONG_EXPECTED_REVISION } from './postgres-errors';
import { startSubscription } from './subscription';

export interface PostgresEventStoreOptions {
  readonly connectionString: string;
  /** Connections for appends and reads. Default 10. */
  readonly poolSize?: number;
  /** Give up connecting after this long (a host that never answers would otherwise hang for minutes). Default 5000 ms. */
  readonly connectionTimeoutMillis?: number;
  /**
   * The master key that wraps the per-person keys (docs/personal-data.md). Default: PERSONAL_DATA_KEY
   * from the environment, as every other reader of the log (log followers, replays) takes it.
   */
  readonly personalDataKey?: PersonalDataMasterKey | null;
}

const DEFAULT_CONNECT_TIMEOUT_MS = 5_000;

/** The default event store. Schema: `migrate(pool)`. Guarantees and their tests: docs/architecture.md. */
export class PostgresEventStore implements EventStore {
  readonly pool: Pool;
  /** Encrypts personal values on append and reveals them on read (docs/personal-data.md). */
  readonly personalData: PersonalDataVault;
  /** Exclusive leases between this service's instances, on a connection of their own opened at first use. */
  readonly leases: Leases;
  private readonly notifier: Notifier;
  private readonly subscriptions = new Set<Subscription>();

  constructor(options: PostgresEventStoreOptions) {
    const config: PoolConfig = {
      connectionString: options.connectionString,
      max: options.poolSize ?? 10,
      connectionTimeoutMillis: options.connectionTimeoutMillis ?? DEFAULT_CONNECT_TIMEOUT_MS,
    };
    // A client that loses its server, idle or checked out, must not crash the process; the next query reconnects.
    this.pool = surviveConnectionLoss(new Pool(config));
    this.personalData = new PersonalDataVault(this.pool, options.personalDataKey);
    const ownConnection = {
      connectionString: options.connectionString,
      connectionTimeoutMillis: options.connectionTimeoutMillis ?? DEFAULT_CONNECT_TIMEOUT_MS,
    };
    this.notifier = new Notifier(this.pool, ownConnection);
    this.leases = new Leases(ownConnection);
  }

  async appendToStream(
    streamId: string,
    newEvents: readonly NewEvent[],
    options: { expectedRevision?: ExpectedRevision } = {},
  ): Promise<AppendResult> {
    if (newEvents.length === 0) throw new DomainError('validation', `nothing to append to stream "${streamId}"`);
    const expected = options.expectedRevision ?? 'any';
    if (typeof expected === 'bigint' && expected < 0n) {
      throw new DomainError(
        'validation',
        `expected revision ${expected} for stream "${streamId}" is negative; use 'no_stream' for a new stream`,
      );
    }
    // Personal values are stored encrypted: the hash chain covers the ciphertext, so destroying a key changes no event.
    const events = await this.personalData.protect(streamId, withTraceContext(newEvents));
    const params = [
      streamId,
      typeof expected === 'bigint' ? 'exact' : expected,
      typeof expected === 'bigint' ? expected.toString() : null,
      events.map((e) => e.metadata.eventId),
      events.map((e) => e.type),
      events.map((e) => JSON.stringify(e.data ?? null)),
      events.map((e) => JSON.stringify(e.metadata)),
    ];
    // A conflict may be a repeat of this very batch (a retry, or a race with one): one more call,
    // which looks the event ids up first, tells which.
    for (let attempt = 1; ; attempt++) {
      try {
        const { rows } = await this.pool.query<{
          next_revision: string;
          commit_position: string;
          prepare_position: string;
          duplicate: boolean;
        }>('SELECT * FROM tenure_append($1, $2, $3, $4::text[], $5::text[], $6::jsonb[], $7::jsonb[], $8)', [...params, attempt > 1]);
        const row = rows[0]!;
        if (!row.duplicate) this.notifier.poke();
        return {
          nextExpectedRevision: BigInt(row.next_revision),
          position: { commit: BigInt(row.commit_position), prepare: BigInt(row.prepare_position) },
        };
      } catch (error) {
        const state = sqlState(error);
        const retriable = state === WRONG_EXPECTED_REVISION || state === UNIQUE_VIOLATION;
        if (retriable && attempt < 2) continue;
        throw this.translate(error, streamId, expected, events);
      }
    }
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const { rows } = await this.pool.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM tenure_events e WHERE e.stream_id = $1 AND e.revision >= $2 ORDER BY e.revision LIMIT $3`,
      [streamId, (options.fromRevision ?? 0n).toString(), options.maxCount ?? null],
    );
    return this.personalData.reveal(rows.map(toRecordedEvent));
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const condition = globalLogCondition(options.filter, 4);
    const { rows } = await this.pool.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM tenure_events e
        WHERE ${condition.sql} AND e.transaction_id < pg_snapshot_xmin(pg_current_snapshot())
        ORDER BY e.transaction_id, e.global_position LIMIT $3`,
      [...positionParams(options.after ?? START), options.maxCount ?? null, ...condition.params],
    );
    return this.personalData.reveal(rows.map(toRecordedEvent));
  }

  async subscribeToAll(options: SubscribeOptions): Promise<Subscription> {
    const subscription = await startSubscription(this.pool, this.notifier, options);
    return trackSubscription(this.subscriptions, subscription);
  }

  /** The notifier, for projection runners that share this store's connections. */
  get wakeups(): Notifier {
    return this.notifier;
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    this.subscriptions.clear();
    await this.notifier.close();
    await this.leases.close();
    await this.pool.end();
  }

  private translate(error: unknown, streamId: string, expected: ExpectedRevision, events: readonly NewEvent[]): unknown {
    switch (sqlState(error)) {
      case WRONG_EXPECTED_REVISION: {
        const current = BigInt(sqlDetail(error));
        return new WrongExpectedRevisionError(streamId, describe(expected), current < 0n ? 'no_stream' : current);
      }
      case IDEMPOTENCY_VIOLATION:
        return new IdempotencyViolationError(streamId, sqlDetail(error) || events[0]!.metadata.eventId);
      case UNIQUE_VIOLATION:
        return new IdempotencyViolationError(streamId, events[0]!.metadata.eventId);
      default:
        return error;
    }
  }
}

/**
 * Appended inside a traced request or handling, events keep the trace context (`metadata.trace`), so
 * that whoever handles them continues that trace. Stored like the rest of the metadata (and so
 * covered by the hash chain); events appended without a trace, and all older ones, have none.
 */
function withTraceContext(events: readonly NewEvent[]): readonly NewEvent[] {
  const trace = activeTraceContext();
  if (!trace) return events;
  return events.map((event) => (event.metadata.trace ? event : { ...event, metadata: { ...event.metadata, trace } }));
}

function describe(expected: ExpectedRevision): string {
  return typeof expected === 'bigint' ? `revision ${expected}` : expected === 'no_stream' ? 'no stream' : 'any';
}
