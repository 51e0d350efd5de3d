import type { KnownRequest } from '../../domain/requests';

/**
 * Every access request with its steps, folded by the request decider's own evolve (the state is the
 * view), plus the columns the inboxes search: who the open step waits for, and who any undecided
 * step names (the leaver's reassignment).
 */
export const CREATE_WORKFLOW_ACCESS_REQUESTS = `
CREATE TABLE IF NOT EXISTS workflow_access_requests (
  request_id                text        PRIMARY KEY,
  identity_id               text        NOT NULL,
  subject_employee_number   text        NOT NULL,
  requester_employee_number text        NOT NULL,
  status                    text        NOT NULL,
  awaited_approvers         text[]      NOT NULL,
  to_administrators         boolean     NOT NULL,
  undecided_approvers       text[]      NOT NULL,
  requested_at              timestamptz NOT NULL,
  revision                  bigint      NOT NULL,
  state                     jsonb       NOT NULL
);
CREATE INDEX IF NOT EXISTS workflow_access_requests_identity ON workflow_access_requests (identity_id, requested_at DESC);
CREATE INDEX IF NOT EXISTS workflow_access_requests_awaited ON workflow_access_requests USING gin (awaited_approvers);
CREATE INDEX IF NOT EXISTS workflow_access_requests_undecided ON workflow_access_requests USING gin (undecided_approvers);
`;

export interface WorkflowAccessRequestRow {
  request_id: string;
  identity_id: string;
  subject_employee_number: string;
  requester_employee_number: string;
  status: KnownRequest['status'];
  awaited_approvers: string[];
  to_administrators: boolean;
  undecided_approvers: string[];
  requested_at: Date;
  revision: string;
  state: KnownRequest;
}
