/** The import runs read model: one row per run, and its per-record errors (rejected rows, failed changes). */
export const CREATE_HR_IMPORT_RUNS = `
CREATE TABLE IF NOT EXISTS hr_import_runs (
  run_id         text        PRIMARY KEY,
  file_name      text        NOT NULL,
  complete       boolean     NOT NULL,
  row_count      int         NOT NULL,
  channel        text        NOT NULL,
  as_of          text        NOT NULL,
  status         text        NOT NULL,
  started_at     timestamptz NOT NULL,
  finished_at    timestamptz,
  rejected       int         NOT NULL DEFAULT 0,
  failed         int         NOT NULL DEFAULT 0,
  counts         jsonb,
  file_errors    jsonb,
  hold_reasons   jsonb,
  held_summary   jsonb,
  decided_by     text,
  decided_at     timestamptz,
  discard_reason text
);
CREATE INDEX IF NOT EXISTS hr_import_runs_started ON hr_import_runs (started_at DESC, run_id DESC);
CREATE INDEX IF NOT EXISTS hr_import_runs_held ON hr_import_runs (status) WHERE status = 'held';
CREATE TABLE IF NOT EXISTS hr_import_record_errors (
  event_id        text  PRIMARY KEY,
  run_id          text  NOT NULL,
  stage           text  NOT NULL,
  line            int,
  employee_number text,
  change_kind     text,
  code            text,
  raw             jsonb,
  errors          jsonb NOT NULL,
  seq             bigserial
);
CREATE INDEX IF NOT EXISTS hr_import_record_errors_run ON hr_import_record_errors (run_id, seq);
-- Added with record corrections; ADD COLUMN keeps databases created before them working.
ALTER TABLE hr_import_runs ADD COLUMN IF NOT EXISTS corrected int NOT NULL DEFAULT 0;
ALTER TABLE hr_import_record_errors ADD COLUMN IF NOT EXISTS corrected_at timestamptz;
ALTER TABLE hr_import_record_errors ADD COLUMN IF NOT EXISTS corrected_by text;
ALTER TABLE hr_import_record_errors ADD COLUMN IF NOT EXISTS correction_result text;
ALTER TABLE hr_import_record_errors ADD COLUMN IF NOT EXISTS corrected_raw jsonb;
-- Whose corrected row it is (a rejected row may have had no employee number): an erasure blanks it.
ALTER TABLE hr_import_record_errors ADD COLUMN IF NOT EXISTS corrected_employee_number text;
CREATE INDEX IF NOT EXISTS hr_import_record_errors_person ON hr_import_record_errors (employee_number);
-- When the run's rows that name nobody were erased (retention period or an administrator).
ALTER TABLE hr_import_runs ADD COLUMN IF NOT EXISTS unnamed_rows_erased_at timestamptz;
`;

export interface HrImportRunRow {
  run_id: string;
  file_name: string;
  complete: boolean;
  row_count: number;
  channel: string;
  as_of: string;
  status: 'open' | 'refused' | 'held' | 'confirmed' | 'discarded' | 'completed';
  started_at: Date;
  finished_at: Date | null;
  /** Rows refused when the file was read; corrections do not lower it. */
  rejected: number;
  /** Rejected rows corrected since. */
  corrected: number;
  failed: number;
  counts: Record<string, number> | null;
  file_errors: string[] | null;
  hold_reasons: string[] | null;
  held_summary: Record<string, number> | null;
  decided_by: string | null;
  decided_at: Date | null;
  discard_reason: string | null;
  /** When the rejected rows without an employee number were erased (HrImportUnnamedRowsErased); null before. */
  unnamed_rows_erased_at: Date | null;
}

export interface HrImportRecordErrorRow {
  run_id: string;
  /** `rejected`: the row was refused before any change (raw values kept); `failed`: the identity refused the change. */
  stage: 'rejected' | 'failed';
  line: number | null;
  employee_number: string | null;
  change_kind: string | null;
  code: string | null;
  raw: Record<string, string> | null;
  errors: string[];
  /** Set once an administrator corrected a rejected row (see HrImportRecordCorrected). */
  corrected_at: Date | null;
  corrected_by: string | null;
  correction_result: 'applied' | 'unchanged' | null;
  corrected_raw: Record<string, string> | null;
}
