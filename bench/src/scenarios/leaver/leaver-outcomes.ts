import type { Pool } from 'pg';
import { sleep } from '../../measure/timing';

// Identities are `bench-<prefix><n>` with employee numbers `<prefix><n>` (DesiredStateWriter.hire).

/** Grants the targets acknowledged for the identities with this prefix. */
export async function grantedCount(pool: Pool, prefix: string): Promise<number> {
  const { rows } = await pool.query<{ count: string }>(
    `SELECT count(*) FROM tenure_events WHERE type = 'EntitlementGranted' AND data->>'identityId' LIKE 'bench-' || $1 || '%'`,
    [prefix],
  );
  return Number(rows[0]!.count);
}

/** Polls until `expected` grants are acknowledged, failing (with the count and any dead letters) after `timeoutMs`. */
export async function waitForGrants(pool: Pool, prefix: string, expected: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const granted = await grantedCount(pool, prefix);
    if (granted >= expected) return;
    if (Date.now() > deadline)
      throw new Error(`${granted} of ${expected} grants acknowledged after ${timeoutMs} ms${await deadLetters(pool)}`);
    await sleep(250);
  }
}

/** Leavers with this prefix whose every revoke and disable has an outcome (acknowledged or failed). */
export async function leaversDone(pool: Pool, prefix: string, operationsPerLeaver: number): Promise<number> {
  const { rows } = await pool.query<{ count: string }>(
    `SELECT count(*) FROM (
       SELECT data->>'identityId' FROM tenure_events
        WHERE type IN ('AccountDisabled', 'EntitlementRevoked', 'OperationFailed') AND data->>'action' IN ('revoke', 'disable-account')
          AND data->>'identityId' LIKE 'bench-' || $1 || '%'
        GROUP BY 1 HAVING count(*) >= $2) done`,
    [prefix, operationsPerLeaver],
  );
  return Number(rows[0]!.count);
}

export async function waitForLeavers(
  pool: Pool,
  prefix: string,
  leavers: number,
  operationsPerLeaver: number,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const done = await leaversDone(pool, prefix, operationsPerLeaver);
    if (done >= leavers) return;
    if (Date.now() > deadline) throw new Error(`${done} of ${leavers} leavers done after ${timeoutMs} ms${await deadLetters(pool)}`);
    await sleep(250); // a scan of the log: not too often, or the benchmark slows what it measures
  }
}

/** One leaver, timed from its termination as recorded (all times the database's clock). */
export interface LeaverTiming {
  readonly identityId: string;
  /** Termination to the workflow's last `AssignmentRevoked` (reason leaver): the desired state emptied. */
  readonly workflowMs: number;
  /** Termination to the connector's last `OperationRequested` for them: every revoke and disable queued. */
  readonly plannedMs: number;
  /** Termination to the last acknowledgement (AccountDisabled / EntitlementRevoked / OperationFailed) of the leaver's revokes and disables. */
  readonly revokeMs: number;
  readonly outcomes: number;
  readonly failed: number;
}

export async function leaverTimings(pool: Pool, prefix: string): Promise<LeaverTiming[]> {
  const { rows } = await pool.query<{
    identity_id: string;
    workflow_ms: number;
    planned_ms: number;
    revoke_ms: number;
    outcomes: string;
    failed: string;
  }>(
    `WITH terminations AS (
       SELECT data->>'identityId' AS identity_id, recorded_at FROM tenure_events
        WHERE type = 'IdentityTerminated' AND data->>'identityId' LIKE 'bench-' || $1 || '%'
     ), revocations AS (
       SELECT data->>'identityId' AS identity_id, max(recorded_at) AS at FROM tenure_events
        WHERE type = 'AssignmentRevoked' AND data->>'reason' = 'leaver' AND data->>'identityId' LIKE 'bench-' || $1 || '%'
        GROUP BY 1
     ), planned AS (
       SELECT data->>'identityId' AS identity_id, max(recorded_at) AS at FROM tenure_events
        WHERE type = 'OperationRequested' AND data->>'action' IN ('revoke', 'disable-account')
          AND data->>'identityId' LIKE 'bench-' || $1 || '%'
        GROUP BY 1
     ), outcomes AS (
       SELECT data->>'identityId' AS identity_id, max(recorded_at) AS at, count(*) AS outcomes,
              count(*) FILTER (WHERE type = 'OperationFailed') AS failed
         FROM tenure_events
        WHERE type IN ('AccountDisabled', 'EntitlementRevoked', 'OperationFailed') AND data->>'action' IN ('revoke', 'disable-account')
          AND data->>'identityId' LIKE 'bench-' || $1 || '%'
        GROUP BY 1
     )
     SELECT t.identity_id,
            extract(epoch FROM (r.at - t.recorded_at)) * 1000 AS workflow_ms,
            extract(epoch FROM (p.at - t.recorded_at)) * 1000 AS planned_ms,
            extract(epoch FROM (o.at - t.recorded_at)) * 1000 AS revoke_ms,
            o.outcomes, o.failed
       FROM terminations t JOIN revocations r USING (identity_id) JOIN planned p USING (identity_id) JOIN outcomes o USING (identity_id)`,
    [prefix],
  );
  return rows.map((row) => ({
    identityId: row.identity_id,
    workflowMs: Number(row.workflow_ms),
    plannedMs: Number(row.planned_ms),
    revokeMs: Number(row.revoke_ms),
    outcomes: Number(row.outcomes),
    failed: Number(row.failed),
  }));
}

async function deadLetters(pool: Pool): Promise<string> {
  const { rows } = await pool.query<{ count: string }>(`SELECT count(*) FROM tenure_events WHERE type = 'OperationFailed'`);
  return ` (${rows[0]!.count} dead letters)`;
}
