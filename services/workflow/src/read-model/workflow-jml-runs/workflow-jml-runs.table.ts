/**
 * Joiner, mover and leaver runs with their timings. A run starts at its trigger (the identity event)
 * and completes at the last acknowledgement of the work it caused: the assignment events workflow
 * recorded in answer to that event (their causation is the trigger's event id) and, for a leaver,
 * the account disables the connector planned for the termination (KillSwitchPlanned).
 */
export const CREATE_WORKFLOW_JML_RUNS = `
CREATE TABLE IF NOT EXISTS workflow_jml_triggers (
  event_id    text        PRIMARY KEY,
  identity_id text        NOT NULL,
  type        text        NOT NULL,
  occurred_at timestamptz NOT NULL
);
CREATE TABLE IF NOT EXISTS workflow_jml_runs (
  run_id              text        PRIMARY KEY,
  kind                text        NOT NULL,
  identity_id         text        NOT NULL,
  trigger_event_id    text        NOT NULL,
  trigger_type        text        NOT NULL,
  started_at          timestamptz NOT NULL,
  assignments_planned boolean     NOT NULL,
  disables_planned    boolean     NOT NULL,
  expected            int         NOT NULL DEFAULT 0,
  acknowledged        int         NOT NULL DEFAULT 0,
  failed              int         NOT NULL DEFAULT 0,
  status              text        NOT NULL DEFAULT 'in-progress',
  completed_at        timestamptz,
  duration_ms         bigint
);
CREATE INDEX IF NOT EXISTS workflow_jml_runs_identity ON workflow_jml_runs (identity_id, started_at DESC);
CREATE INDEX IF NOT EXISTS workflow_jml_runs_started ON workflow_jml_runs (started_at DESC, run_id);
CREATE TABLE IF NOT EXISTS workflow_jml_run_items (
  run_id    text NOT NULL,
  item_kind text NOT NULL,
  item_id   text NOT NULL,
  state     text NOT NULL,
  at        timestamptz,
  PRIMARY KEY (run_id, item_kind, item_id)
);
CREATE INDEX IF NOT EXISTS workflow_jml_run_items_item ON workflow_jml_run_items (item_id, item_kind);
CREATE TABLE IF NOT EXISTS workflow_jml_account_outcomes (
  operation_id text        PRIMARY KEY,
  state        text        NOT NULL,
  at           timestamptz NOT NULL
);
`;

export type JmlRunKind = 'joiner' | 'mover' | 'leaver';
export type JmlRunStatus = 'in-progress' | 'completed' | 'completed-with-failures';
/** What a run waits for: a grant or a revoke (by assignment id), an account disable (by operation id). */
export type JmlRunItemKind = 'grant' | 'revoke' | 'disable';

export interface WorkflowJmlRunRow {
  run_id: string;
  kind: JmlRunKind;
  identity_id: string;
  trigger_event_id: string;
  trigger_type: string;
  started_at: Date;
  expected: number;
  acknowledged: number;
  failed: number;
  status: JmlRunStatus;
  completed_at: Date | null;
  duration_ms: string | null;
}
