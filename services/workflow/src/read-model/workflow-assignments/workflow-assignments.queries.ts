import type { AssignmentRevocationReason, AssignmentSource } from '@tenure/contracts';
import type { Queryable } from '../queryable';
import type { WorkflowAssignmentRow } from './workflow-assignments.table';

/** One assignment as the read model has it. */
export interface AssignmentView {
  readonly assignmentId: string;
  readonly identityId: string;
  readonly applicationId: string;
  readonly entitlementKey: string;
  readonly source: AssignmentSource;
  readonly validFrom: Date;
  readonly validUntil: Date | null;
  readonly status: 'active' | 'revoked';
  readonly revocationReason: AssignmentRevocationReason | null;
  readonly addedAt: Date;
  readonly revokedAt: Date | null;
}

/** An identity's assignments, in force only unless told otherwise; by application and entitlement, then newest first. */
export async function assignmentsOf(
  db: Queryable,
  identityId: string,
  options: { readonly includeRevoked: boolean },
): Promise<AssignmentView[]> {
  const { rows } = await db.query<WorkflowAssignmentRow>(
    `SELECT * FROM workflow_assignments WHERE identity_id = $1 AND ($2 OR status = 'active')
      ORDER BY application_id, entitlement_key, added_at DESC, assignment_id`,
    [identityId, options.includeRevoked],
  );
  return rows.map(toView);
}

function toView(row: WorkflowAssignmentRow): AssignmentView {
  return {
    assignmentId: row.assignment_id,
    identityId: row.identity_id,
    applicationId: row.application_id,
    entitlementKey: row.entitlement_key,
    source: { kind: row.source_kind, reference: row.source_reference, policyVersion: row.source_policy_version },
    validFrom: row.valid_from,
    validUntil: row.valid_until,
    status: row.status,
    revocationReason: row.revocation_reason,
    addedAt: row.added_at,
    revokedAt: row.revoked_at,
  };
}
