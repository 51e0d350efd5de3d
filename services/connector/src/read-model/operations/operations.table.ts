/**
 * The provisioning queue and its history: one row per operation, as its stream says now. The worker
 * picks due rows (leaver first, then in request order); administrators see dead letters and manual
 * tasks here. The request's log position orders the operations of one identity in one application.
 */
export const CREATE_CONNECTOR_OPERATIONS = `
CREATE TABLE IF NOT EXISTS connector_operations (
  operation_id          text        PRIMARY KEY,
  action                text        NOT NULL,
  application_id        text        NOT NULL,
  identity_id           text        NOT NULL,
  -- Whose account it changes: the identity, or for an account no identity matches (an orphan), its user name.
  -- Operations of one subject in one application run one at a time, in request order.
  subject               text        NOT NULL,
  assignment_id         text,
  entitlement_key       text,
  user_name             text,
  priority              text        NOT NULL,
  cause_kind            text        NOT NULL,
  cause_reference       text        NOT NULL,
  status                text        NOT NULL,
  attempts              integer     NOT NULL DEFAULT 0,
  next_attempt_at       timestamptz,
  last_error_kind       text,
  last_error            text,
  last_error_at         timestamptz,
  requested_at          timestamptz NOT NULL,
  request_commit        bigint      NOT NULL,
  request_prepare       bigint      NOT NULL,
  completed_at          timestamptz,
  completed_via         text,
  completed_by          text,
  note                  text,
  dismissed_by          text,
  dismiss_reason        text,
  task_owner            text,
  task_instructions     text,
  task_due_at           timestamptz,
  task_opened_at        timestamptz,
  -- The revision of the last event applied: the row's version.
  revision              bigint      NOT NULL,
  updated_at            timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS connector_operations_waiting ON connector_operations (application_id, subject, request_commit, request_prepare)
  WHERE status IN ('requested', 'retrying');
CREATE INDEX IF NOT EXISTS connector_operations_by_status ON connector_operations (status, application_id, request_commit, request_prepare);
CREATE INDEX IF NOT EXISTS connector_operations_by_identity ON connector_operations (identity_id);
CREATE INDEX IF NOT EXISTS connector_operations_tasks ON connector_operations (application_id, task_due_at) WHERE task_opened_at IS NOT NULL;
`;

/** requested: waiting for its first attempt (or an administrator's retry); retrying: waiting for next_attempt_at. */
export type OperationStatus = 'requested' | 'retrying' | 'succeeded' | 'dead' | 'dismissed' | 'awaiting-person';

export const WAITING_STATUSES: readonly OperationStatus[] = ['requested', 'retrying'];

export interface OperationRow {
  operation_id: string;
  action: string;
  application_id: string;
  identity_id: string;
  subject: string;
  assignment_id: string | null;
  entitlement_key: string | null;
  user_name: string | null;
  priority: string;
  cause_kind: string;
  cause_reference: string;
  status: OperationStatus;
  attempts: number;
  next_attempt_at: Date | null;
  last_error_kind: string | null;
  last_error: string | null;
  last_error_at: Date | null;
  requested_at: Date;
  /** bigint comes back from pg as text. */
  request_commit: string;
  request_prepare: string;
  completed_at: Date | null;
  completed_via: string | null;
  completed_by: string | null;
  note: string | null;
  dismissed_by: string | null;
  dismiss_reason: string | null;
  task_owner: string | null;
  task_instructions: string | null;
  task_due_at: Date | null;
  task_opened_at: Date | null;
  /** bigint as text: the revision of the operation's stream this row shows. */
  revision: string;
  updated_at: Date;
}
