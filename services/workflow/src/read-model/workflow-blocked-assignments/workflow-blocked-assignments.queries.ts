import type { SodBlock } from '../../domain/assignments';
import type { Queryable } from '../queryable';
import type { WorkflowBlockedAssignmentRow } from './workflow-blocked-assignments.table';

export interface BlockedAssignmentView {
  readonly identityId: string;
  readonly employeeNumber: string | null;
  readonly applicationId: string;
  readonly entitlementKey: string;
  readonly source: WorkflowBlockedAssignmentRow['source'];
  readonly rules: readonly SodBlock[];
  readonly blockedAt: Date;
}

/** Every standing block, newest first, with the identity's employee number when workflow knows it. */
export async function standingBlocks(db: Queryable): Promise<BlockedAssignmentView[]> {
  const { rows } = await db.query<WorkflowBlockedAssignmentRow & { employee_number: string | null }>(
    `SELECT b.identity_id, b.application_id, b.entitlement_key, b.source, b.rules, b.blocked_at, i.employee_number
       FROM workflow_blocked_assignments b LEFT JOIN workflow_identities i ON i.identity_id = b.identity_id
      ORDER BY b.blocked_at DESC, b.identity_id, b.application_id, b.entitlement_key`,
  );
  return rows.map((row) => ({
    identityId: row.identity_id,
    employeeNumber: row.employee_number,
    applicationId: row.application_id,
    entitlementKey: row.entitlement_key,
    source: row.source,
    rules: row.rules,
    blockedAt: row.blocked_at,
  }));
}
