import { START } from '@tenure/event-sourcing';
import type { Pool } from 'pg';
import { loadCheckpoint } from '../checkpoints';
import { withClient } from '../projections/projection-runner';
import { projectionCheckpointId, type Projection } from '../projections/projection';
import { replayUpTo } from './bounded-replay';
import { compareTable, compareTimers, type TableDifference } from './compare-tables';
import { lockLiveApplies, withReplayLock } from './replay-lock';
import { trackProjection, type ReplayProgress } from './replay-progress';
import { quote, ScratchSchema } from './scratch-schema';

export interface ConsistencyOptions {
  readonly live: Pool;
  readonly connectionString: string;
  readonly projections: readonly Projection[];
  readonly onProgress?: (progress: ReplayProgress) => void;
  readonly now?: () => number;
}

export interface ConsistencyReport {
  readonly consistent: boolean;
  readonly projections: readonly string[];
  readonly tables: readonly TableDifference[];
}

const SCRATCH = 'tenure_replay_check';

/**
 * Rebuilds the projections into scratch tables up to exactly where each live copy stands, then
 * compares them row by row and drops the scratch copies. The live runners are held only for the
 * last stretch and the comparison (their apply locks), so both sides are at the same position
 * when compared; services keep answering meanwhile. Nothing live is written.
 */
export async function checkConsistency(options: ConsistencyOptions): Promise<ConsistencyReport> {
  const now = options.now ?? (() => performance.now());
  return withReplayLock(options.live, async () => {
    const scratch = await ScratchSchema.create(options.live, options.connectionString, SCRATCH);
    try {
      const reached = new Map<string, Awaited<ReturnType<typeof replayUpTo>>>();
      for (const [i, projection] of options.projections.entries()) {
        await withClient(scratch.pool, (client) => projection.setup(client));
        const target = (await loadCheckpoint(options.live, projectionCheckpointId(projection))) ?? START;
        const track = await trackProjection(options.live, options.projections, i, options.onProgress, now);
        reached.set(projection.name, await replayUpTo(scratch.pool, projection, START, target, track));
      }
      return await withClient(options.live, async (client) => {
        await client.query('BEGIN');
        try {
          await lockLiveApplies(client, scratch.liveSchema, options.projections.map(projectionCheckpointId));
          for (const projection of options.projections) {
            const target = (await loadCheckpoint(client, projectionCheckpointId(projection))) ?? START;
            await replayUpTo(scratch.pool, projection, reached.get(projection.name)!, target);
          }
          const tables = await scratch.tables(client);
          const { rows } = await client.query<{ table_name: string }>(
            `SELECT table_name FROM information_schema.tables WHERE table_schema = $1 AND table_name = ANY ($2::text[])`,
            [scratch.liveSchema, tables],
          );
          const existing = new Set(rows.map((row) => row.table_name));
          const differences: TableDifference[] = [];
          for (const table of tables) {
            if (existing.has(table)) differences.push(await compareTable(client, scratch.name, scratch.liveSchema, table));
            else differences.push(await missingLiveTable(scratch, table));
          }
          differences.push(await compareTimers(client, scratch.name, scratch.liveSchema));
          await client.query('COMMIT');
          return {
            consistent: differences.every((d) => d.onlyLive === 0 && d.onlyRebuilt === 0 && d.missingColumns.length === 0),
            projections: options.projections.map((p) => p.name),
            tables: differences,
          };
        } catch (error) {
          await client.query('ROLLBACK');
          throw error;
        }
      });
    } finally {
      await scratch.drop(options.live);
    }
  });
}

async function missingLiveTable(scratch: ScratchSchema, table: string): Promise<TableDifference> {
  const { rows } = await scratch.pool.query<{ total: string }>(`SELECT count(*)::text AS total FROM ${quote(table)}`);
  return {
    table,
    onlyLive: 0,
    onlyRebuilt: Number(rows[0]!.total),
    samples: { onlyLive: [], onlyRebuilt: [] },
    missingColumns: ['(the live table does not exist)'],
  };
}
