import { comparePositions, type EventFilter, type Position, type RecordedEvent } from '@tenure/event-sourcing';
import { PersonalDataVault } from '@tenure/personal-data';
import type { Pool } from 'pg';
import { EVENT_COLUMNS, globalLogCondition, positionParams, toRecordedEvent, type EventRow } from './event-rows';
import { followSubscription } from './followed-subscriptions';
import type { Notifier } from './notifier';

export interface LogFollowerOptions {
  readonly pool: Pool;
  /** The subscription's name: when given, its backlog is reported (`subscriptionBacklogs`) while it runs. */
  readonly name?: string;
  readonly notifier: Notifier;
  readonly startAfter: Position;
  readonly filter?: EventFilter;
  readonly batchSize?: number;
  /** Re-read even without a notification this often (covers lost notifications). Default 1000 ms. */
  readonly safetyPollMs?: number;
  /** After a read that found nothing, the least time before the next read (commits meanwhile are read together). Default 20 ms. */
  readonly idleCoalesceMs?: number;
  /** Handles one batch in log order; throwing stops the follower. */
  readonly processBatch: (events: readonly RecordedEvent[]) => Promise<void>;
  readonly onStopped?: (error: unknown) => void;
  readonly onReadError?: (error: unknown) => void;
}

const IDLE_COALESCE_MS = 20;

interface Batch {
  readonly events: RecordedEvent[];
  /** Every transaction below this id has finished: nothing new can appear below it. */
  readonly horizon: bigint;
  /** Committed events exist above the horizon, waiting for an older transaction to finish. */
  readonly heldBack: boolean;
}

interface CaughtUpWaiter {
  readonly target: Position;
  readonly afterCycle: number;
  resolve(): void;
  reject(error: unknown): void;
}

/**
 * Follows the global log: catch-up in batches, then live on notifications. It reads only below
 * the visibility horizon (pg_snapshot_xmin), so it never passes an event that commits later.
 */
export class LogFollower {
  private position: Position;
  private stopped = false;
  private failure: unknown;
  private cycle = 0;
  private dirty = true;
  private wakeUp: (() => void) | undefined;
  private wakeOnSignal = false;
  private readonly waiters = new Set<CaughtUpWaiter>();
  private readonly unsubscribe: () => void;
  private readonly done: Promise<void>;
  private readonly personalData: PersonalDataVault;
  private readonly unfollow: () => void;

  constructor(private readonly options: LogFollowerOptions) {
    this.position = options.startAfter;
    this.personalData = new PersonalDataVault(options.pool);
    this.unsubscribe = options.notifier.onWake(() => this.signal());
    const name = options.name;
    this.unfollow = name === undefined ? () => undefined : followSubscription(options.pool, { name, backlog: (cap) => this.backlog(cap) });
    this.done = this.run();
  }

  get lastPosition(): Position {
    return this.position;
  }

  async waitUntilCaughtUp(timeoutMs = 30_000): Promise<void> {
    if (this.failure !== undefined) throw this.failure;
    const { rows } = await this.options.pool.query<{ commit_position: string; prepare_position: string }>(
      `SELECT transaction_id::text AS commit_position, global_position::text AS prepare_position
         FROM tenure_events ORDER BY transaction_id DESC, global_position DESC LIMIT 1`,
    );
    // It may have failed while the head was read: a waiter added now would wait for the timeout.
    if (this.failure !== undefined) throw this.failure;
    const head = rows[0];
    if (!head) return;
    const target = { commit: BigInt(head.commit_position), prepare: BigInt(head.prepare_position) };
    if (comparePositions(this.position, target) >= 0) return;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`not caught up with ${target.commit}/${target.prepare} after ${timeoutMs} ms`));
      }, timeoutMs);
      const waiter: CaughtUpWaiter = {
        target,
        afterCycle: this.cycle,
        resolve: () => (clearTimeout(timer), resolve()),
        reject: (error) => (clearTimeout(timer), reject(error)),
      };
      this.waiters.add(waiter);
      this.signal();
    });
  }

  /** Events after the position reached that the filter takes, counted up to `cap` (committed ones, horizon or not). */
  async backlog(cap: number): Promise<number> {
    const condition = globalLogCondition(this.options.filter, 3);
    const { rows } = await this.options.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM (SELECT 1 FROM tenure_events e WHERE ${condition.sql} LIMIT ${Math.floor(cap)}) backlog`,
      [...positionParams(this.position), ...condition.params],
    );
    return rows[0]!.n;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.unfollow();
    this.unsubscribe();
    this.signal();
    await this.done;
  }

  private signal(): void {
    this.dirty = true;
    if (this.wakeOnSignal || this.stopped) this.wakeUp?.();
  }

  private async run(): Promise<void> {
    const batchSize = this.options.batchSize ?? 500;
    let heldBackDelay = 1;
    let readErrorDelay = 100;
    while (!this.stopped) {
      this.dirty = false;
      const cycle = ++this.cycle;
      let batch: Batch;
      try {
        batch = await this.readBatch(batchSize);
        readErrorDelay = 100;
      } catch (error) {
        this.options.onReadError?.(error);
        await this.sleep(readErrorDelay);
        readErrorDelay = Math.min(readErrorDelay * 2, 5_000);
        continue;
      }
      if (batch.events.length > 0) {
        try {
          await this.options.processBatch(batch.events);
        } catch (error) {
          this.fail(error);
          return;
        }
        this.position = batch.events[batch.events.length - 1]!.position;
      }
      const full = batch.events.length === batchSize;
      if (!full) {
        // Everything below the horizon that matches the filter has been read: move past it, so a
        // follower whose filter rarely matches does not read the same stretch of log again after
        // every commit elsewhere (the in-memory position only; checkpoints move with handled events).
        this.position = maxPosition(this.position, belowHorizon(batch.horizon));
        this.resolveWaiters(cycle, batch.horizon);
      }
      if (full) continue;
      if (this.dirty) {
        // Something was committed while reading. A follower that found nothing for itself waits a
        // moment before looking again: many followers woken by every commit anywhere would
        // otherwise read the log hundreds of times a second between them to find nothing.
        if (batch.events.length === 0) await this.sleep(this.options.idleCoalesceMs ?? IDLE_COALESCE_MS);
        continue;
      }
      if (batch.heldBack) {
        await this.sleep(heldBackDelay);
        heldBackDelay = Math.min(heldBackDelay * 2, 50);
        continue;
      }
      heldBackDelay = 1;
      await this.sleep(this.options.safetyPollMs ?? 1_000, true);
    }
    this.rejectWaiters(new Error('subscription stopped'));
  }

  private async readBatch(limit: number): Promise<Batch> {
    const query = followerQuery(this.options.filter);
    const { rows } = await this.options.pool.query<EventRow & { horizon: string; held_back: boolean }>(query.sql, [
      ...positionParams(this.position),
      limit,
      ...query.params,
    ]);
    const first = rows[0]!;
    return {
      horizon: BigInt(first.horizon),
      heldBack: first.held_back,
      // Every reader (projections, subscribers, processes) sees personal values revealed, or erased.
      events: first.stream_id === null ? [] : await this.personalData.reveal(rows.map(toRecordedEvent)),
    };
  }

  private resolveWaiters(cycle: number, horizon: bigint): void {
    for (const waiter of this.waiters) {
      if (cycle > waiter.afterCycle && waiter.target.commit < horizon) {
        this.waiters.delete(waiter);
        waiter.resolve();
      }
    }
  }

  private rejectWaiters(error: unknown): void {
    for (const waiter of this.waiters) waiter.reject(error);
    this.waiters.clear();
  }

  private fail(error: unknown): void {
    this.failure = error;
    this.stopped = true;
    // Still reported: a stopped subscription's backlog grows, which is what an operator must see.
    this.unsubscribe();
    this.rejectWaiters(error);
    this.options.onStopped?.(error);
  }

  /** Sleeps for `ms`; a stop always cuts it short, a notification only when `wakeOnSignal`. */
  private sleep(ms: number, wakeOnSignal = false): Promise<void> {
    return new Promise((resolve) => {
      if (this.stopped || (wakeOnSignal && this.dirty)) return resolve();
      const timer = setTimeout(() => this.wakeUp?.(), ms);
      this.wakeOnSignal = wakeOnSignal;
      this.wakeUp = () => {
        clearTimeout(timer);
        this.wakeUp = undefined;
        resolve();
      };
    });
  }
}

/** The last possible position of the transactions below the horizon (all finished). */
function belowHorizon(horizon: bigint): Position {
  return { commit: horizon - 1n, prepare: LAST_PREPARE };
}

/** PostgreSQL's largest bigint: no event of a transaction has a larger global position. */
const LAST_PREPARE = 9_223_372_036_854_775_807n;

function maxPosition(a: Position, b: Position): Position {
  return comparePositions(a, b) >= 0 ? a : b;
}

/**
 * One statement, one snapshot, so the horizon and the events agree. Parameters: $1/$2 the position
 * to read after, $3 the batch size, then the filter's. Exported for the test that keeps it on indexes.
 */
export function followerQuery(filter: EventFilter | undefined): { sql: string; params: unknown[] } {
  const condition = globalLogCondition(filter, 4);
  return {
    sql: `WITH h AS (SELECT pg_snapshot_xmin(pg_current_snapshot()) AS xmin)
       SELECT h.xmin::text AS horizon,
              -- Everything below the horizon is read below, so "held back" is simply: the newest
              -- event is at or above the horizon. One step down the primary key index.
              coalesce((SELECT x.transaction_id FROM tenure_events x ORDER BY x.transaction_id DESC LIMIT 1) >= h.xmin, false) AS held_back,
              ev.*
         FROM h LEFT JOIN LATERAL (
           SELECT ${EVENT_COLUMNS} FROM tenure_events e
            WHERE ${condition.sql} AND e.transaction_id < h.xmin
            ORDER BY e.transaction_id, e.global_position
            LIMIT $3
         ) ev ON true`,
    params: condition.params,
  };
}
