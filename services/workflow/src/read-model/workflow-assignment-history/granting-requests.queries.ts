import type { KnownRequest } from '../../domain/requests';
import type { Queryable } from '../queryable';
import type { WorkflowAccessRequestRow } from '../workflow-requests/workflow-requests.table';

/**
 * These requests as `workflow_access_requests` has them, by id (unknown ids are left out). Requests
 * are never deleted and their approvals never change once given, so the row answers for any past
 * instant after the grant.
 */
export async function accessRequestsByIds(db: Queryable, requestIds: readonly string[]): Promise<Map<string, KnownRequest>> {
  if (requestIds.length === 0) return new Map();
  const { rows } = await db.query<Pick<WorkflowAccessRequestRow, 'state'>>(
    'SELECT state FROM workflow_access_requests WHERE request_id = ANY ($1::text[])',
    [[...new Set(requestIds)]],
  );
  return new Map(rows.map((row) => [row.state.requestId, row.state]));
}
