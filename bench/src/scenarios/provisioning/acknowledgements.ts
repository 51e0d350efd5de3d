import type { Pool } from 'pg';
import { sleep } from '../../measure/timing';

/** How many of these assignments the targets have acknowledged (the connector's EntitlementGranted). */
export async function acknowledgedCount(pool: Pool, assignmentPrefix: string): Promise<number> {
  const { rows } = await pool.query<{ count: string }>(
    `SELECT count(*) FROM tenure_events WHERE type = 'EntitlementGranted' AND data->>'assignmentId' LIKE $1 || '%'`,
    [assignmentPrefix],
  );
  return Number(rows[0]!.count);
}

/** Polls until `expected` acknowledgements, failing (with the count and any dead letters) after `timeoutMs`. */
export async function waitForAcknowledgements(pool: Pool, assignmentPrefix: string, expected: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const acknowledged = await acknowledgedCount(pool, assignmentPrefix);
    if (acknowledged >= expected) return;
    if (Date.now() > deadline) {
      const { rows } = await pool.query<{ count: string }>(`SELECT count(*) FROM tenure_events WHERE type = 'OperationFailed'`);
      throw new Error(`${acknowledged} of ${expected} acknowledged after ${timeoutMs} ms (${rows[0]!.count} dead letters)`);
    }
    await sleep(250); // a count over the log: not too often, or the benchmark slows what it measures
  }
}

/**
 * Milliseconds from each assignment event's commit to its acknowledgement's commit, both as the
 * store recorded them (one clock: the database's), for the assignments with this prefix.
 */
export async function assignmentToAcknowledgementMs(pool: Pool, assignmentPrefix: string): Promise<number[]> {
  const { rows } = await pool.query<{ ms: number }>(
    `SELECT extract(epoch FROM (granted.recorded_at - added.recorded_at)) * 1000 AS ms
       FROM tenure_events added
       JOIN tenure_events granted ON granted.type = 'EntitlementGranted' AND granted.data->>'assignmentId' = added.data->>'assignmentId'
      WHERE added.type = 'AssignmentAdded' AND added.data->>'assignmentId' LIKE $1 || '%'`,
    [assignmentPrefix],
  );
  return rows.map((row) => Number(row.ms));
}
