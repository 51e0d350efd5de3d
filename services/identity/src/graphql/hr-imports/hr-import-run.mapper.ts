import type { HrImportRecordErrorRow, HrImportRunRow } from '../../hr-imports';
import type { HrImportRunStatus } from './hr-import-run-status.enum';
import {
  HrImportFailedChange,
  HrImportRejectedRecord,
  HrImportRun,
  type HrImportRawValue,
  type HrImportRunCounts,
} from './hr-import-run.type';

/** A run as GraphQL shows it; `recordErrors` is filled when the run was read with its errors (otherwise loaded on demand). */
export type HrImportRunResult = HrImportRun & { recordErrors?: readonly HrImportRecordErrorRow[] };

export function toHrImportRun(row: HrImportRunRow, recordErrors?: readonly HrImportRecordErrorRow[]): HrImportRunResult {
  const run: HrImportRunResult = Object.assign(new HrImportRun(), {
    id: row.run_id,
    fileName: row.file_name,
    status: row.status as HrImportRunStatus,
    complete: row.complete,
    startedAt: row.started_at,
    completedAt: row.finished_at,
    counts: countsOf(row),
    heldReasons: row.hold_reasons ?? [],
    fileErrors: row.file_errors ?? [],
    decidedBy: row.decided_by,
    discardReason: row.discard_reason,
    unnamedRowsErasedAt: row.unnamed_rows_erased_at,
  });
  if (recordErrors) run.recordErrors = recordErrors;
  return run;
}

function countsOf(row: HrImportRunRow): HrImportRunCounts {
  const applied = row.counts ?? {};
  const count = (kind: string): number => applied[kind] ?? 0;
  return {
    rows: row.row_count,
    accepted: Math.max(row.row_count - row.rejected, 0),
    rejected: row.rejected,
    corrected: row.corrected,
    hires: count('hires'),
    rehires: count('rehires'),
    movers: count('movers'),
    updates: count('updates'),
    leavers: count('leavers'),
    failed: row.failed,
  };
}

export function toRejectedRecords(errors: readonly HrImportRecordErrorRow[]): HrImportRejectedRecord[] {
  return errors
    .filter((error) => error.stage === 'rejected')
    .map((error) =>
      Object.assign(new HrImportRejectedRecord(), {
        line: error.line,
        employeeNumber: error.employee_number,
        errors: error.errors,
        raw: rawValues(error.raw ?? {}),
        corrected: error.corrected_at !== null,
        correctedAt: error.corrected_at,
        correctedBy: error.corrected_by,
        correctionResult: error.correction_result,
        correctedValues: error.corrected_raw ? rawValues(error.corrected_raw) : null,
      }),
    );
}

function rawValues(raw: Readonly<Record<string, string>>): HrImportRawValue[] {
  return Object.entries(raw).map(([name, value]) => ({ name, value }));
}

export function toFailedChanges(errors: readonly HrImportRecordErrorRow[]): HrImportFailedChange[] {
  return errors
    .filter((error) => error.stage === 'failed')
    .map((error) => Object.assign(new HrImportFailedChange(), { employeeNumber: error.employee_number, error: error.errors.join('; ') }));
}
