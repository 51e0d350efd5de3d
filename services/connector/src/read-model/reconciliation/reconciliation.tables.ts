/** One row per reconciliation run: its progress while it runs, its counts or its error after. */
export const CREATE_CONNECTOR_RECONCILIATION_RUNS = `
CREATE TABLE IF NOT EXISTS connector_reconciliation_runs (
  run_id             text        PRIMARY KEY,
  application_id     text        NOT NULL,
  trigger            text        NOT NULL,
  started_by         text        NOT NULL,
  remediation        text        NOT NULL,
  status             text        NOT NULL,
  started_at         timestamptz NOT NULL,
  finished_at        timestamptz,
  accounts_seen      integer,
  grants_seen        integer,
  drift_found        integer     NOT NULL DEFAULT 0,
  drift_counts       jsonb,
  new_drift          integer,
  remediation_counts jsonb,
  listing_restarts   text[]      NOT NULL DEFAULT '{}',
  duration_ms        integer,
  error_kind         text,
  error_message      text
);
CREATE INDEX IF NOT EXISTS connector_reconciliation_runs_application ON connector_reconciliation_runs (application_id, started_at DESC);
CREATE INDEX IF NOT EXISTS connector_reconciliation_runs_running ON connector_reconciliation_runs (application_id) WHERE status = 'running';
`;

export interface ReconciliationRunRow {
  run_id: string;
  application_id: string;
  trigger: string;
  started_by: string;
  remediation: string;
  status: 'running' | 'completed' | 'failed';
  started_at: Date;
  finished_at: Date | null;
  accounts_seen: number | null;
  grants_seen: number | null;
  drift_found: number;
  drift_counts: Record<string, number> | null;
  new_drift: number | null;
  remediation_counts: { operations: number; adoptions: number; flagged: number; alreadyHandled: number } | null;
  listing_restarts: string[];
  duration_ms: number | null;
  error_kind: string | null;
  error_message: string | null;
}

/**
 * Every drift ever found, one row per drift (its id is stable across runs), as it stands now:
 * - open: found, nothing done; remediating: an operation was requested; remediated: it succeeded,
 *   or a later run no longer found the drift; adopted; dismissed; resolved: gone before anyone acted.
 * `gone_at` is set when a completed run no longer finds it; found again, it is a new occurrence.
 */
export const CREATE_CONNECTOR_DRIFT = `
CREATE TABLE IF NOT EXISTS connector_drift (
  drift_id           text        PRIMARY KEY,
  application_id     text        NOT NULL,
  kind               text        NOT NULL,
  user_name          text        NOT NULL,
  entitlement_key    text,
  identity_id        text,
  employee_number    text,
  identity_status    text,
  account_enabled    boolean,
  assignment_id      text,
  reason             text        NOT NULL,
  differences        jsonb       NOT NULL,
  occurrence         integer     NOT NULL,
  status             text        NOT NULL,
  first_seen_at      timestamptz NOT NULL,
  first_seen_run_id  text        NOT NULL,
  last_seen_at       timestamptz NOT NULL,
  last_seen_run_id   text        NOT NULL,
  gone_at            timestamptz,
  planned            jsonb       NOT NULL,
  decided_by         text,
  decided_at         timestamptz,
  comment            text,
  operation_id       text,
  remediation_action text,
  remediation_error  text,
  updated_at         timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS connector_drift_listing ON connector_drift (application_id, user_name, kind, entitlement_key);
CREATE INDEX IF NOT EXISTS connector_drift_status ON connector_drift (status, application_id);
CREATE INDEX IF NOT EXISTS connector_drift_operation ON connector_drift (operation_id) WHERE operation_id IS NOT NULL;
`;

export interface DriftRow {
  drift_id: string;
  application_id: string;
  kind: string;
  user_name: string;
  entitlement_key: string | null;
  identity_id: string | null;
  employee_number: string | null;
  identity_status: string | null;
  account_enabled: boolean | null;
  assignment_id: string | null;
  reason: string;
  differences: { attribute: string; expected: string; actual: string | null }[];
  occurrence: number;
  status: string;
  first_seen_at: Date;
  first_seen_run_id: string;
  last_seen_at: Date;
  last_seen_run_id: string;
  gone_at: Date | null;
  planned: { kind: string; action?: string; reason?: string; status?: string };
  decided_by: string | null;
  decided_at: Date | null;
  comment: string | null;
  operation_id: string | null;
  remediation_action: string | null;
  remediation_error: string | null;
  updated_at: Date;
}
