import { comparePositions, START, type Position, type RecordedEvent } from '@tenure/event-sourcing';
import type { Pool, PoolClient } from 'pg';
import { withAdvisoryLock } from '../advisory-lock';
import { loadCheckpoint, storeCheckpoint } from '../checkpoints';
import { LogFollower } from '../log-follower';
import type { Notifier } from '../notifier';
import { handlingEvents } from '../tracing/event-handling';
import { projectionCheckpointId, type Projection } from './projection';

export interface ProjectionRunnerOptions {
  readonly pool: Pool;
  readonly notifier: Notifier;
  readonly projection: Projection;
  readonly batchSize?: number;
  readonly onStopped?: (error: unknown) => void;
  /** Called after each committed batch with the number of events applied. */
  readonly onProgress?: (applied: number, position: Position) => void;
}

export interface RunningProjection {
  readonly name: string;
  readonly position: Position;
  waitUntilCaughtUp(timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

/** Held while tables are created: instances starting together take turns. Other one-time table set-ups (an outbox) take it too. */
export const PROJECTION_SETUP_LOCK = 'tenure:projection-setup';

const SETUP_ATTEMPTS = 5;
const DEADLOCK_DETECTED = '40P01';

/**
 * Creates or upgrades the projection's tables. One instance at a time: two creating the same table at
 * once make PostgreSQL fail one of them (a duplicate in pg_type), IF NOT EXISTS notwithstanding. Another
 * instance applying events meanwhile may hold the tables a setup's statements lock together: PostgreSQL
 * then breaks the deadlock by failing the setup, which is tried again (nothing of it was committed).
 */
async function setUp(pool: Pool, projection: Projection): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await withAdvisoryLock(pool, PROJECTION_SETUP_LOCK, (client) => projection.setup(client));
      return;
    } catch (error) {
      if (attempt >= SETUP_ATTEMPTS || (error as { code?: string }).code !== DEADLOCK_DETECTED) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt + Math.random() * 100));
    }
  }
}

/** Runs a projection live: catch up from its checkpoint, then follow the log. */
export async function startProjection(options: ProjectionRunnerOptions): Promise<RunningProjection> {
  const { pool, projection } = options;
  await setUp(pool, projection);
  const startAfter = (await loadCheckpoint(pool, projectionCheckpointId(projection))) ?? START;
  const follower = new LogFollower({
    pool,
    name: projectionCheckpointId(projection),
    notifier: options.notifier,
    startAfter,
    ...(options.batchSize ? { batchSize: options.batchSize } : {}),
    ...(projection.filter ? { filter: projection.filter } : {}),
    processBatch: (events) => handlingEvents(projection.name, events, () => applyBatch(pool, projection, events, options.onProgress)),
    ...(options.onStopped ? { onStopped: options.onStopped } : {}),
  });
  return {
    name: projection.name,
    get position() {
      return follower.lastPosition;
    },
    waitUntilCaughtUp: (timeoutMs) => follower.waitUntilCaughtUp(timeoutMs),
    stop: () => follower.stop(),
  };
}

/**
 * Applies a batch in one transaction with the checkpoint. If the batch fails, its events are
 * applied one transaction each, so everything before the bad event is kept, and the error names it.
 * `checkpoint: false` is for a replay into scratch tables that nothing else writes: no apply lock
 * and no checkpoint per transaction (the replay stores the checkpoint once it has read the log).
 */
export async function applyBatch(
  pool: Pool,
  projection: Projection,
  events: readonly RecordedEvent[],
  onProgress?: (applied: number, position: Position) => void,
  { checkpoint = true }: { checkpoint?: boolean } = {},
): Promise<void> {
  try {
    await applyInTransaction(pool, projection, events, checkpoint);
    onProgress?.(events.length, events[events.length - 1]!.position);
    return;
  } catch (error) {
    if (events.length === 1) throw new ProjectionError(projection.name, events[0]!, error);
  }
  for (const event of events) {
    try {
      await applyInTransaction(pool, projection, [event], checkpoint);
    } catch (error) {
      throw new ProjectionError(projection.name, event, error);
    }
    onProgress?.(1, event.position);
  }
}

async function applyInTransaction(
  pool: Pool,
  projection: Projection,
  events: readonly RecordedEvent[],
  checkpoint: boolean,
): Promise<void> {
  await withClient(pool, async (client) => {
    await client.query('BEGIN');
    try {
      if (checkpoint) await applyUnseen(client, projection, events);
      else await applyEvents(client, projection, events);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    }
  });
}

async function applyUnseen(client: PoolClient, projection: Projection, events: readonly RecordedEvent[]): Promise<void> {
  const stored = await lockCheckpoint(client, projectionCheckpointId(projection));
  // Only what the tables have not seen: after a replay switched in rebuilt tables (which may be
  // ahead of this runner), the events they already hold are skipped, not applied twice.
  const unseen = stored ? events.filter((event) => comparePositions(event.position, stored) > 0) : events;
  if (unseen.length === 0) return;
  await applyEvents(client, projection, unseen);
  await storeCheckpoint(client, projectionCheckpointId(projection), unseen[unseen.length - 1]!.position);
}

async function applyEvents(client: PoolClient, projection: Projection, events: readonly RecordedEvent[]): Promise<void> {
  if (projection.applyBatch && events.length > 1) await projection.applyBatch(events, client);
  else for (const event of events) await projection.apply(event, client);
}

/**
 * Takes the projection's apply lock for this transaction and reads its checkpoint under it. The lock
 * is named after the schema the tables resolve to, so a replay building copies in a scratch schema
 * never waits for the live runner; the replay's switch takes the live lock, and the runner then
 * sees the rebuilt tables' checkpoint.
 */
export async function lockCheckpoint(client: PoolClient, checkpointId: string): Promise<Position | undefined> {
  await client.query(`SELECT pg_advisory_xact_lock(hashtextextended(current_schema() || ':' || $1, 0))`, [checkpointId]);
  // A statement of its own: its snapshot is taken after the lock, so it sees a switch that held it.
  return loadCheckpoint(client, checkpointId);
}

export async function withClient<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    return await work(client);
  } finally {
    client.release();
  }
}

export class ProjectionError extends Error {
  constructor(
    readonly projection: string,
    readonly event: RecordedEvent,
    override readonly cause: unknown,
  ) {
    super(
      `projection "${projection}" stopped at ${event.type} ${event.metadata.eventId} (stream ${event.streamId}@${event.revision}): ${cause instanceof Error ? cause.message : String(cause)}`,
    );
    this.name = 'ProjectionError';
  }
}
