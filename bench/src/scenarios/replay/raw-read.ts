import type { Pool } from 'pg';

/**
 * What reading the log costs PostgreSQL and the driver, and nothing else: every event row, a page of
 * 1,000 at a time in log order, as a rebuild reads it, with no projection applied.
 */
export async function readLogRaw(pool: Pool): Promise<number> {
  let events = 0;
  let after: [string, string] = ['0', '0'];
  for (;;) {
    const { rows } = await pool.query<{ t: string; g: string }>(
      `SELECT e.transaction_id::text AS t, e.global_position::text AS g, e.stream_id, e.revision, e.type, e.data, e.metadata, e.recorded_at
         FROM tenure_events e
        WHERE e.transaction_id >= $1::text::xid8 AND (e.transaction_id, e.global_position) > ($1::text::xid8, $2::bigint)
        ORDER BY e.transaction_id, e.global_position LIMIT 1000`,
      after,
    );
    events += rows.length;
    if (rows.length < 1_000) return events;
    const last = rows[rows.length - 1]!;
    after = [last.t, last.g];
  }
}
