import type { Pool, PoolClient } from 'pg';
import type { HrImportRecordErrorRow, HrImportRunRow } from './hr-import-runs.table';

type Queryable = Pick<Pool | PoolClient, 'query'>;

export interface HrImportRunWithErrors {
  readonly run: HrImportRunRow;
  /** Rejected rows (with raw values) in file order, then failed changes. */
  readonly errors: readonly HrImportRecordErrorRow[];
}

const RUN_COLUMNS = `run_id, file_name, complete, row_count, channel, as_of, status, started_at, finished_at, rejected, corrected, failed, counts,
  file_errors, hold_reasons, held_summary, decided_by, decided_at, discard_reason, unnamed_rows_erased_at`;

/** Newest first; `before` is the `started_at` and `run_id` of the last run of the previous page (cursor paging). */
export async function listHrImportRuns(
  db: Queryable,
  options: { readonly limit?: number; readonly before?: { readonly startedAt: Date; readonly runId: string } } = {},
): Promise<HrImportRunRow[]> {
  const limit = Math.min(Math.max(options.limit ?? 20, 1), 200);
  const { rows } = options.before
    ? await db.query<HrImportRunRow>(
        `SELECT ${RUN_COLUMNS} FROM hr_import_runs WHERE (started_at, run_id) < ($1, $2) ORDER BY started_at DESC, run_id DESC LIMIT $3`,
        [options.before.startedAt, options.before.runId, limit],
      )
    : await db.query<HrImportRunRow>(`SELECT ${RUN_COLUMNS} FROM hr_import_runs ORDER BY started_at DESC, run_id DESC LIMIT $1`, [limit]);
  return rows;
}

export async function findHrImportRun(db: Queryable, runId: string): Promise<HrImportRunWithErrors | undefined> {
  const { rows } = await db.query<HrImportRunRow>(`SELECT ${RUN_COLUMNS} FROM hr_import_runs WHERE run_id = $1`, [runId]);
  const run = rows[0];
  if (!run) return undefined;
  const errors = await db.query<HrImportRecordErrorRow>(
    `SELECT run_id, stage, line, employee_number, change_kind, code, raw, errors, corrected_at, corrected_by, correction_result, corrected_raw
       FROM hr_import_record_errors
      WHERE run_id = $1 ORDER BY stage DESC, line NULLS LAST, seq`,
    [runId],
  );
  return { run, errors: errors.rows };
}

/** Runs waiting for an administrator to confirm or discard their changes, oldest first. */
export async function listHeldHrImportRuns(db: Queryable): Promise<HrImportRunRow[]> {
  const { rows } = await db.query<HrImportRunRow>(
    `SELECT ${RUN_COLUMNS} FROM hr_import_runs WHERE status = 'held' ORDER BY started_at, run_id`,
  );
  return rows;
}
