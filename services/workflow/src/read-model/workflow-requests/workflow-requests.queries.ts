import type { KnownRequest } from '../../domain/requests';
import type { Queryable } from '../queryable';
import type { WorkflowAccessRequestRow } from './workflow-requests.table';

/** One request as the read model has it (the decider's state), or null. */
export async function accessRequestById(db: Queryable, requestId: string): Promise<KnownRequest | null> {
  const { rows } = await db.query<Pick<WorkflowAccessRequestRow, 'state'>>(
    'SELECT state FROM workflow_access_requests WHERE request_id = $1',
    [requestId],
  );
  return rows[0]?.state ?? null;
}

/** Requests for this identity, newest first. */
export async function accessRequestsFor(db: Queryable, identityId: string): Promise<KnownRequest[]> {
  const { rows } = await db.query<Pick<WorkflowAccessRequestRow, 'state'>>(
    'SELECT state FROM workflow_access_requests WHERE identity_id = $1 ORDER BY requested_at DESC, request_id',
    [identityId],
  );
  return rows.map((row) => row.state);
}

/** Pending requests whose open step waits for this person, oldest first. */
export async function pendingApprovalsOf(db: Queryable, employeeNumber: string): Promise<KnownRequest[]> {
  const { rows } = await db.query<Pick<WorkflowAccessRequestRow, 'state'>>(
    `SELECT state FROM workflow_access_requests WHERE status = 'pending' AND $1 = ANY (awaited_approvers)
      ORDER BY requested_at, request_id`,
    [employeeNumber],
  );
  return rows.map((row) => row.state);
}

/** Pending requests whose open step only administrators can decide, oldest first. */
export async function pendingForAdministrators(db: Queryable): Promise<KnownRequest[]> {
  const { rows } = await db.query<Pick<WorkflowAccessRequestRow, 'state'>>(
    `SELECT state FROM workflow_access_requests WHERE status = 'pending' AND to_administrators ORDER BY requested_at, request_id`,
  );
  return rows.map((row) => row.state);
}

/** Ids of requests for this identity still waiting for approval or fulfilment (the leaver cancels them). */
export async function openRequestIdsFor(db: Queryable, identityId: string): Promise<string[]> {
  const { rows } = await db.query<{ request_id: string }>(
    `SELECT request_id FROM workflow_access_requests WHERE identity_id = $1 AND status IN ('pending', 'approved') ORDER BY request_id`,
    [identityId],
  );
  return rows.map((row) => row.request_id);
}

/** Ids of pending requests with an undecided step that names this person as an approver. */
export async function requestIdsAwaiting(db: Queryable, employeeNumber: string): Promise<string[]> {
  const { rows } = await db.query<{ request_id: string }>(
    `SELECT request_id FROM workflow_access_requests WHERE status = 'pending' AND $1 = ANY (undecided_approvers) ORDER BY request_id`,
    [employeeNumber],
  );
  return rows.map((row) => row.request_id);
}
