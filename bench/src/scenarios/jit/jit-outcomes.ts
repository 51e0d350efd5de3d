import type { Pool } from 'pg';
import { sleep } from '../../measure/timing';

// Requesters are `bench-<prefix><n>` (DesiredStateWriter.hire); each asks once per application, so
// (identity, application) names one request, its assignment and its operations.

type Outcome = 'EntitlementGranted' | 'EntitlementRevoked';

/** Polls until `expected` grants (or revokes) of these requesters' assignments are acknowledged or failed. */
export async function waitForOutcomes(pool: Pool, prefix: string, outcome: Outcome, expected: number, timeoutMs: number): Promise<void> {
  const action = outcome === 'EntitlementGranted' ? 'grant' : 'revoke';
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await pool.query<{ done: string; failed: string }>(
      `SELECT count(*) FILTER (WHERE type = $2) AS done, count(*) FILTER (WHERE type = 'OperationFailed') AS failed
         FROM tenure_events
        WHERE type IN ($2, 'OperationFailed') AND data->>'action' = $3 AND data->>'identityId' LIKE 'bench-' || $1 || '%'`,
      [prefix, outcome, action],
    );
    const done = Number(rows[0]!.done) + Number(rows[0]!.failed);
    if (done >= expected) return;
    if (Date.now() > deadline) {
      throw new Error(`${done} of ${expected} ${action}s done after ${timeoutMs} ms (${rows[0]!.failed} failed)${await refusals(pool)}`);
    }
    await sleep(250); // a scan of the log: not too often, or the benchmark slows what it measures
  }
}

/** One request's grant and expiry, as the log recorded them (the database's clock). */
export interface GrantTiming {
  readonly identityId: string;
  readonly applicationId: string;
  /** The workflow's AssignmentAdded (the approved request fulfilled). */
  readonly assignedAt: Date;
  /** The connector's OperationRequested for the grant (queued). */
  readonly queuedAt: Date;
  readonly grantedAt: Date;
  /** When the grant ends: the workflow's validUntil (acknowledgement + duration). */
  readonly validUntil: Date;
  /** The workflow's AssignmentRevoked (the expiry timer fired). */
  readonly expiredAt: Date | null;
  /** The connector's OperationRequested for the revoke. */
  readonly revokeQueuedAt: Date | null;
  readonly revokedAt: Date | null;
  readonly revocationReason: string | null;
}

/**
 * Per assignment of these requesters: the workflow's assignment, the connector's operation, the grant's acknowledgement, its end as the workflow recorded
 * it (AssignmentProvisioned.validUntil), and the revoke's acknowledgement.
 */
export async function grantTimings(pool: Pool, prefix: string): Promise<GrantTiming[]> {
  const { rows } = await pool.query<{
    identity_id: string;
    application_id: string;
    assigned_at: Date;
    queued_at: Date;
    granted_at: Date;
    valid_until: string;
    expired_at: Date | null;
    revoke_queued_at: Date | null;
    revoked_at: Date | null;
    reason: string | null;
  }>(
    `WITH granted AS (
       SELECT data->>'assignmentId' AS assignment_id, data->>'identityId' AS identity_id, data->>'applicationId' AS application_id,
              recorded_at AS granted_at
         FROM tenure_events WHERE type = 'EntitlementGranted' AND data->>'identityId' LIKE 'bench-' || $1 || '%'
     ), assigned AS (
       SELECT data->>'assignmentId' AS assignment_id, recorded_at AS assigned_at
         FROM tenure_events WHERE type = 'AssignmentAdded' AND data->>'identityId' LIKE 'bench-' || $1 || '%'
     ), queued AS (
       SELECT data->>'assignmentId' AS assignment_id, recorded_at AS queued_at
         FROM tenure_events WHERE type = 'OperationRequested' AND data->>'action' = 'grant' AND data->>'identityId' LIKE 'bench-' || $1 || '%'
     ), provisioned AS (
       SELECT data->>'assignmentId' AS assignment_id, max(data->>'validUntil') AS valid_until
         FROM tenure_events WHERE type = 'AssignmentProvisioned' AND data->>'identityId' LIKE 'bench-' || $1 || '%' GROUP BY 1
     ), revoked AS (
       SELECT data->>'assignmentId' AS assignment_id, recorded_at AS revoked_at
         FROM tenure_events WHERE type = 'EntitlementRevoked' AND data->>'identityId' LIKE 'bench-' || $1 || '%'
     ), revoke_queued AS (
       SELECT data->>'assignmentId' AS assignment_id, recorded_at AS revoke_queued_at
         FROM tenure_events WHERE type = 'OperationRequested' AND data->>'action' = 'revoke' AND data->>'identityId' LIKE 'bench-' || $1 || '%'
     ), reasons AS (
       SELECT data->>'assignmentId' AS assignment_id, data->>'reason' AS reason, recorded_at AS expired_at
         FROM tenure_events WHERE type = 'AssignmentRevoked' AND data->>'identityId' LIKE 'bench-' || $1 || '%'
     )
     SELECT g.identity_id, g.application_id, a.assigned_at, q.queued_at, g.granted_at, p.valid_until, x.expired_at, rq.revoke_queued_at, r.revoked_at, x.reason
       FROM granted g JOIN assigned a USING (assignment_id) JOIN queued q USING (assignment_id) LEFT JOIN provisioned p USING (assignment_id) LEFT JOIN revoked r USING (assignment_id) LEFT JOIN revoke_queued rq USING (assignment_id)
       LEFT JOIN reasons x USING (assignment_id)`,
    [prefix],
  );
  return rows.map((row) => ({
    identityId: row.identity_id,
    applicationId: row.application_id,
    assignedAt: row.assigned_at,
    queuedAt: row.queued_at,
    grantedAt: row.granted_at,
    validUntil: new Date(row.valid_until),
    expiredAt: row.expired_at,
    revokeQueuedAt: row.revoke_queued_at,
    revokedAt: row.revoked_at,
    revocationReason: row.reason,
  }));
}

/** Requests refused or failed, for an error message that says why nothing was granted. */
async function refusals(pool: Pool): Promise<string> {
  const { rows } = await pool.query<{ type: string; count: string }>(
    `SELECT type, count(*) FROM tenure_events WHERE type IN ('AccessRequestRefused', 'AccessFulfilmentFailed', 'AccessRequestApproved', 'AccessGranted') GROUP BY 1`,
  );
  return rows.length === 0 ? '' : `; requests: ${rows.map((row) => `${row.count} ${row.type}`).join(', ')}`;
}
