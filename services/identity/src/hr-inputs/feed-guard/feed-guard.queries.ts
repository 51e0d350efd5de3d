import type { Pool } from 'pg';
import type { HrFeedChannel } from './feed-action';
import type { HrFeedHeldChangeRow, HrFeedHoldRow, HrFeedHoldStatus } from './feed-guard.tables';

/** People the channel terminated or moved since `since` (each person counted once per kind). */
export async function countFeedChangesSince(
  pool: Pool,
  channel: HrFeedChannel,
  since: Date,
): Promise<{ readonly terminations: number; readonly moves: number }> {
  const { rows } = await pool.query<{ kind: string; people: string }>(
    `SELECT kind, count(DISTINCT employee_number) AS people FROM hr_feed_changes
      WHERE channel = $1 AND occurred_at > $2 GROUP BY kind`,
    [channel, since],
  );
  const people = (kind: string) => Number(rows.find((row) => row.kind === kind)?.people ?? 0);
  return { terminations: people('terminations'), moves: people('moves') };
}

/** The guard's population: identities not terminated (pre-hire, active, on leave), as for imports. */
export async function countPopulation(pool: Pool): Promise<number> {
  const { rows } = await pool.query<{ size: string }>(`SELECT count(*) AS size FROM identity_directory WHERE status <> 'terminated'`);
  return Number(rows[0]?.size ?? 0);
}

export async function listHrFeedHolds(
  pool: Pool,
  options: { readonly status?: HrFeedHoldStatus; readonly limit: number },
): Promise<HrFeedHoldRow[]> {
  const { rows } = await pool.query<HrFeedHoldRow>(
    `SELECT * FROM hr_feed_holds WHERE $1::text IS NULL OR status = $1 ORDER BY held_at DESC, hold_id LIMIT $2`,
    [options.status ?? null, options.limit],
  );
  return rows;
}

export async function findHrFeedHold(pool: Pool, holdId: string): Promise<HrFeedHoldRow | null> {
  const { rows } = await pool.query<HrFeedHoldRow>('SELECT * FROM hr_feed_holds WHERE hold_id = $1', [holdId]);
  return rows[0] ?? null;
}

/** The held changes of a burst, in the order received. */
export async function heldChangesOf(pool: Pool, holdId: string): Promise<HrFeedHeldChangeRow[]> {
  const { rows } = await pool.query<HrFeedHeldChangeRow>(
    `SELECT hold_id, employee_number, kinds, description, correlation_id, received_at
       FROM hr_feed_held_changes WHERE hold_id = $1 ORDER BY seq`,
    [holdId],
  );
  return rows;
}
