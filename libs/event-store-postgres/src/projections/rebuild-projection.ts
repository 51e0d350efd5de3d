import { START, type Position } from '@tenure/event-sourcing';
import type { Pool } from 'pg';
import { deleteCheckpoint } from '../checkpoints';
import { globalLogCondition, positionParams } from '../event-rows';
import type { Notifier } from '../notifier';
import { startProjection, withClient } from './projection-runner';
import { projectionCheckpointId, type Projection } from './projection';

export interface RebuildProgress {
  readonly projection: string;
  readonly applied: number;
  readonly total: number;
  readonly eventsPerSecond: number;
  /** Seconds left at the current rate; undefined until there is a rate. */
  readonly secondsLeft: number | undefined;
  readonly position: Position;
}

/**
 * Rebuilds a projection from position 0: empties its tables and checkpoint in one transaction,
 * then replays every matching event. Stop the live runner of this projection first.
 */
export async function rebuildProjection(
  pool: Pool,
  notifier: Notifier,
  projection: Projection,
  options: { onProgress?: (progress: RebuildProgress) => void; batchSize?: number; now?: () => number } = {},
): Promise<{ applied: number; seconds: number }> {
  const now = options.now ?? (() => performance.now());
  await withClient(pool, async (client) => {
    await projection.setup(client);
    await client.query('BEGIN');
    await projection.reset(client);
    await deleteCheckpoint(client, projectionCheckpointId(projection));
    await client.query('COMMIT');
  });
  const total = await countEvents(pool, projection);
  const started = now();
  let applied = 0;
  const running = await startProjection({
    pool,
    notifier,
    projection,
    batchSize: options.batchSize ?? 1_000,
    onProgress: (count, position) => {
      applied += count;
      const seconds = (now() - started) / 1_000;
      const eventsPerSecond = seconds > 0 ? applied / seconds : 0;
      options.onProgress?.({
        projection: projection.name,
        applied,
        total: Math.max(total, applied),
        eventsPerSecond,
        secondsLeft: eventsPerSecond > 0 ? Math.max(total - applied, 0) / eventsPerSecond : undefined,
        position,
      });
    },
  });
  try {
    await running.waitUntilCaughtUp(24 * 3_600_000);
  } finally {
    await running.stop();
  }
  return { applied, seconds: (now() - started) / 1_000 };
}

export async function countEvents(pool: Pool, projection: Pick<Projection, 'filter'>): Promise<number> {
  const condition = globalLogCondition(projection.filter, 3);
  const { rows } = await pool.query<{ count: string }>(`SELECT count(*)::text AS count FROM tenure_events e WHERE ${condition.sql}`, [
    ...positionParams(START),
    ...condition.params,
  ]);
  return Number(rows[0]!.count);
}
