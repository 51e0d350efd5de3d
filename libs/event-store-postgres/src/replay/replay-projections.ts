import type { Pool, PoolClient } from 'pg';
import { START } from '@tenure/event-sourcing';
import { storeCheckpoint } from '../checkpoints';
import { LogFollower } from '../log-follower';
import { startProjection, withClient, type RunningProjection } from '../projections/projection-runner';
import { projectionCheckpointId, type Projection } from '../projections/projection';
import { countEvents } from '../projections/rebuild-projection';
import type { Notifier } from '../notifier';
import { ProjectionFanOut } from './projection-fan-out';
import { lockLiveApplies, withReplayLock } from './replay-lock';
import { progressTracker, type ReplayProgress } from './replay-progress';
import { DeferredIndexes } from './deferred-indexes';
import { quote, SCRATCH_INFRASTRUCTURE, ScratchSchema } from './scratch-schema';

export interface ReplayOptions {
  /** Connections to the live schema (the event store's pool). */
  readonly live: Pool;
  readonly connectionString: string;
  readonly notifier: Notifier;
  readonly projections: readonly Projection[];
  readonly onProgress?: (progress: ReplayProgress) => void;
  /**
   * Called once every event was applied, with the number of deferred indexes not built yet (each read
   * model's are built as soon as it has applied the last of its events, while the others finish).
   */
  readonly onIndexing?: (indexes: number) => void;
  /** Called once everything is rebuilt, just before the switch. */
  readonly onSwitching?: () => void;
  /** Events read from the log at a time. Default 50,000. */
  readonly batchSize?: number;
  /** Projections with applyBatch applying at once (see ProjectionFanOut for the others). Default 2. */
  readonly concurrency?: number;
  /** How long the switch waits for a table lock (a long read holding one) before giving up. Default 10 s. */
  readonly lockTimeoutMs?: number;
  readonly now?: () => number;
}

export interface ReplayResult {
  /** Per projection: events applied from the shared read, and the time its transactions took. */
  readonly projections: readonly { readonly name: string; readonly applied: number; readonly seconds: number }[];
  readonly tables: readonly string[];
  readonly seconds: number;
}

const SCRATCH = 'tenure_replay';
const DEFAULT_CONCURRENCY = 2;
// Larger batches mean fewer rows read back and written again (each read model folds a batch in
// memory): at 1,000,000 events, 50,000 took half PostgreSQL's CPU time of 5,000 and 3/4 of 25,000,
// while 100,000 gained nothing more and doubled the memory (docs/benchmarks.md, scenario replay).
const DEFAULT_BATCH_SIZE = 50_000;
const RETIRED = 'tenure_replay_retired';

/**
 * Rebuilds projections from position 0 blue-green: all are replayed from one read of the log into
 * fresh tables in a scratch schema while the services keep reading (and their runners keep
 * updating) the live tables. When every copy has caught up with the log, one transaction holds the live runners' apply locks, lets
 * the copies apply what arrived meanwhile, swaps the tables and moves the checkpoints; the runners
 * then carry on from the copies' checkpoints. Nothing is switched if any rebuild fails.
 */
export async function replayProjections(options: ReplayOptions): Promise<ReplayResult> {
  const now = options.now ?? (() => performance.now());
  const started = now();
  return withReplayLock(options.live, async () => {
    const concurrency = Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY);
    // One connection more for the projections without applyBatch (see ProjectionFanOut), and as many
    // again for building the indexes of the read models done while the others still apply.
    const scratch = await ScratchSchema.create(options.live, options.connectionString, SCRATCH, 2 * concurrency + 1);
    const running: RunningProjection[] = [];
    try {
      const results = await rebuildFromOneRead(options, scratch, concurrency, now);
      // Runners from where the shared read stopped follow the log until the switch holds it.
      for (const projection of options.projections) {
        running.push(await startProjection({ pool: scratch.pool, notifier: options.notifier, projection }));
      }
      for (const runner of running) await runner.waitUntilCaughtUp(24 * 3_600_000);
      options.onSwitching?.();
      const tables = await switchTables(options, scratch, running);
      return { projections: results, tables, seconds: (now() - started) / 1_000 };
    } finally {
      await Promise.all(running.map((runner) => runner.stop()));
      await scratch.drop(options.live);
      await options.live.query(`DROP SCHEMA IF EXISTS ${quote(RETIRED)} CASCADE`);
    }
  });
}

/**
 * Builds every copy from one read of the log (see ProjectionFanOut), then moves each copy's
 * checkpoint to the last event read: every event up to it went to every projection it matched.
 */
async function rebuildFromOneRead(
  options: ReplayOptions,
  scratch: ScratchSchema,
  concurrency: number,
  now: () => number,
): Promise<{ name: string; applied: number; seconds: number }[]> {
  const results = options.projections.map((projection) => ({ name: projection.name, applied: 0, seconds: 0 }));
  const tablesOf = await setUpAll(options.projections, scratch);
  const lookups = new Set(options.projections.flatMap((projection) => projection.lookupIndexes ?? []));
  const deferred = await DeferredIndexes.drop(scratch.pool, scratch.name, SCRATCH_INFRASTRUCTURE, lookups, concurrency);
  const track = progressTracker(
    options.projections.length === 1 ? options.projections[0]!.name : `${options.projections.length} read models`,
    await countEvents(options.live, {}),
    { index: 1, of: 1 },
    options.onProgress,
    now,
  );
  const fanOut = new ProjectionFanOut({
    pool: scratch.pool,
    concurrency,
    projections: options.projections,
    onApplied: (index, count, seconds) => {
      results[index]!.applied += count;
      results[index]!.seconds += seconds;
    },
    onBatchApplied: track,
    now,
  });
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const reader = new LogFollower({
    pool: options.live,
    notifier: options.notifier,
    startAfter: START,
    batchSize,
    processBatch: (events) => {
      const fed = fanOut.feed(events);
      if (events.length === batchSize) return fed;
      // A short batch reached the head: nothing is read ahead of it, so the read ends now instead of
      // after the batch before it is applied, and the read models done early can build their indexes
      // while the others finish. (A failure is thrown by `applied` and `drain` below.)
      fed.catch(() => undefined);
      return Promise.resolve();
    },
  });
  try {
    await reader.waitUntilCaughtUp(24 * 3_600_000);
  } finally {
    await reader.stop();
  }
  const applying = fanOut.drain();
  applying.then(
    () => options.onIndexing?.(deferred.remaining),
    () => undefined, // thrown below
  );
  // Each read model's indexes as soon as it is done; every build settles before anything is thrown.
  const built = await Promise.allSettled(
    options.projections.map((_, index) => fanOut.applied(index).then(() => deferred.buildTables(scratch.pool, tablesOf[index]!))),
  );
  const failed = built.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
  if (failed) throw failed.reason;
  const reached = await applying;
  await deferred.buildRest(scratch.pool);
  if (reached) {
    for (const projection of options.projections) await storeCheckpoint(scratch.pool, projectionCheckpointId(projection), reached);
  }
  return results;
}

/** Runs every projection's `setup` in the scratch schema; per projection, the tables its setup created. */
async function setUpAll(projections: readonly Projection[], scratch: ScratchSchema): Promise<string[][]> {
  const tablesOf: string[][] = [];
  let existing = new Set(await scratch.tables());
  for (const projection of projections) {
    await withClient(scratch.pool, (client) => projection.setup(client));
    const now = await scratch.tables();
    tablesOf.push(now.filter((table) => !existing.has(table)));
    existing = new Set(now);
  }
  return tablesOf;
}

async function switchTables(options: ReplayOptions, scratch: ScratchSchema, running: readonly RunningProjection[]): Promise<string[]> {
  const live = quote(scratch.liveSchema);
  const ids = options.projections.map(projectionCheckpointId);
  return withClient(options.live, async (client) => {
    await client.query(`DROP SCHEMA IF EXISTS ${quote(RETIRED)} CASCADE`);
    await client.query(`CREATE SCHEMA ${quote(RETIRED)}`);
    await client.query('BEGIN');
    try {
      await lockLiveApplies(client, scratch.liveSchema, ids);
      // The live runners are held now; the copies take in what was appended since they caught up.
      for (const runner of running) await runner.waitUntilCaughtUp(60_000);
      for (const runner of running) await runner.stop();
      await client.query(`SET LOCAL lock_timeout = '${options.lockTimeoutMs ?? 10_000}ms'`);
      const tables = await scratch.tables(client);
      for (const table of tables) {
        await client.query(`ALTER TABLE IF EXISTS ${live}.${quote(table)} SET SCHEMA ${quote(RETIRED)}`);
        await client.query(`ALTER TABLE ${quote(scratch.name)}.${quote(table)} SET SCHEMA ${live}`);
      }
      await client.query(`DELETE FROM ${live}.tenure_checkpoints WHERE subscription_id = ANY ($1::text[])`, [ids]);
      await client.query(
        `INSERT INTO ${live}.tenure_checkpoints SELECT * FROM ${quote(scratch.name)}.tenure_checkpoints WHERE subscription_id = ANY ($1::text[])`,
        [ids],
      );
      await switchTimers(client, scratch);
      await client.query('COMMIT');
      return tables;
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    }
  });
}

/**
 * The timers of the kinds the rebuilt projections schedule become the rebuilt ones: a timer the
 * history no longer justifies goes, one it does is kept (due when the history says). Kinds the
 * rebuilt projections left no timer of pending are not touched.
 */
async function switchTimers(client: PoolClient, scratch: ScratchSchema): Promise<void> {
  const live = `${quote(scratch.liveSchema)}.tenure_timers`;
  const rebuilt = `${quote(scratch.name)}.tenure_timers`;
  await client.query(`DELETE FROM ${live} WHERE kind IN (SELECT DISTINCT kind FROM ${rebuilt})`);
  await client.query(
    `INSERT INTO ${live} (timer_id, kind, due_at, payload) SELECT timer_id, kind, due_at, payload FROM ${rebuilt}
     ON CONFLICT (timer_id) DO UPDATE SET kind = EXCLUDED.kind, due_at = EXCLUDED.due_at, payload = EXCLUDED.payload, attempts = 0, last_error = NULL`,
  );
}
