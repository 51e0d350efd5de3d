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
