import type { Queryable } from '../queryable';
import type { JmlRunKind, JmlRunStatus, WorkflowJmlRunRow } from './workflow-jml-runs.table';

export type { JmlRunKind, JmlRunStatus } from './workflow-jml-runs.table';

export interface JmlRunView {
  readonly runId: string;
  readonly kind: JmlRunKind;
  readonly identityId: string;
  readonly triggerEventId: string;
  readonly triggerType: string;
  readonly startedAt: Date;
  readonly completedAt: Date | null;
  readonly durationMs: number | null;
  readonly expected: number;
  readonly acknowledged: number;
  readonly failed: number;
  readonly status: JmlRunStatus;
}

export interface JmlRunFilter {
  readonly identityId?: string;
  readonly kind?: JmlRunKind;
  readonly status?: JmlRunStatus;
  readonly first: number;
}

/** Runs, newest first. */
export async function jmlRuns(db: Queryable, filter: JmlRunFilter): Promise<JmlRunView[]> {
  const { rows } = await db.query<WorkflowJmlRunRow>(
    `SELECT * FROM workflow_jml_runs
      WHERE ($1::text IS NULL OR identity_id = $1) AND ($2::text IS NULL OR kind = $2) AND ($3::text IS NULL OR status = $3)
      ORDER BY started_at DESC, run_id LIMIT $4`,
    [filter.identityId ?? null, filter.kind ?? null, filter.status ?? null, filter.first],
  );
  return rows.map(toView);
}

export async function jmlRunById(db: Queryable, runId: string): Promise<JmlRunView | null> {
  const { rows } = await db.query<WorkflowJmlRunRow>('SELECT * FROM workflow_jml_runs WHERE run_id = $1', [runId]);
  return rows[0] ? toView(rows[0]) : null;
}

function toView(row: WorkflowJmlRunRow): JmlRunView {
  return {
    runId: row.run_id,
    kind: row.kind,
    identityId: row.identity_id,
    triggerEventId: row.trigger_event_id,
    triggerType: row.trigger_type,
    startedAt: row.started_at,
    completedAt: row.completed_at,
    durationMs: row.duration_ms === null ? null : Number(row.duration_ms),
    expected: row.expected,
    acknowledged: row.acknowledged,
    failed: row.failed,
    status: row.status,
  };
}

/** A run's grants and revokes in one application (account disables are the connector's: its operations name their application). */
export interface JmlRunApplicationView {
  readonly runId: string;
  readonly applicationId: string;
  readonly expected: number;
  readonly acknowledged: number;
  readonly failed: number;
  readonly pending: number;
  /** The last acknowledgement or failure in this application so far. */
  readonly lastSettledAt: Date | null;
  /** The last settlement once nothing is pending here and the run's assignment work is fully planned; else null. */
  readonly completedAt: Date | null;
  /** From the run's start (the identity event) to completedAt. */
  readonly durationMs: number | null;
}

/**
 * Per application, the assignment work of each run: the run's grant and revoke items joined with the
 * assignments they name (workflow_assignments keeps revoked ones, so a leaver's are all there).
 * Grouped by run, then application.
 */
export async function jmlRunApplications(db: Queryable, runIds: readonly string[]): Promise<JmlRunApplicationView[]> {
  if (runIds.length === 0) return [];
  const { rows } = await db.query<{
    run_id: string;
    application_id: string;
    expected: number;
    acknowledged: number;
    failed: number;
    pending: number;
    last_settled_at: Date | null;
    completed_at: Date | null;
    duration_ms: string | null;
  }>(
    `WITH per_application AS (
       SELECT item.run_id, assignment.application_id,
              count(*)::int AS expected,
              count(*) FILTER (WHERE item.state = 'acknowledged')::int AS acknowledged,
              count(*) FILTER (WHERE item.state = 'failed')::int AS failed,
              count(*) FILTER (WHERE item.state = 'pending')::int AS pending,
              max(item.at) AS last_settled_at
         FROM workflow_jml_run_items item
         JOIN workflow_assignments assignment ON assignment.assignment_id = item.item_id
        WHERE item.run_id = ANY($1::text[]) AND item.item_kind IN ('grant', 'revoke')
        GROUP BY item.run_id, assignment.application_id)
     SELECT per_application.*,
            CASE WHEN run.assignments_planned AND per_application.pending = 0 THEN per_application.last_settled_at END AS completed_at,
            CASE WHEN run.assignments_planned AND per_application.pending = 0
                 THEN round(extract(epoch FROM per_application.last_settled_at - run.started_at) * 1000)::bigint END AS duration_ms
       FROM per_application JOIN workflow_jml_runs run ON run.run_id = per_application.run_id
      ORDER BY per_application.run_id, per_application.application_id`,
    [runIds],
  );
  return rows.map((row) => ({
    runId: row.run_id,
    applicationId: row.application_id,
    expected: row.expected,
    acknowledged: row.acknowledged,
    failed: row.failed,
    pending: row.pending,
    lastSettledAt: row.last_settled_at,
    completedAt: row.completed_at,
    durationMs: row.duration_ms === null ? null : Number(row.duration_ms),
  }));
}
