import type { AssignmentRevocationReason, AssignmentSource } from '@tenure/contracts';
import type { AssignmentStatus, ProvisioningFailure } from '../../domain/assignments';
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
  readonly durationMs: number | null;
  readonly status: AssignmentStatus;
  readonly revocationReason: AssignmentRevocationReason | null;
  readonly addedAt: Date;
  /** When the connector acknowledged the grant; null while pending. */
  readonly acknowledgedAt: Date | null;
  readonly revokedAt: Date | null;
  readonly revocationAcknowledgedAt: Date | null;
  /** The last failure the connector reported for the grant or the revoke, until an acknowledgement. */
  readonly lastFailure: ProvisioningFailure | null;
}

/** An identity's assignments, held only (pending provisioning or active) unless told otherwise; by application and entitlement, then newest first. */
export async function assignmentsOf(
  db: Queryable,
  identityId: string,
  options: { readonly includeRevoked: boolean },
): Promise<AssignmentView[]> {
  const { rows } = await db.query<WorkflowAssignmentRow>(
    `SELECT * FROM workflow_assignments WHERE identity_id = $1 AND ($2 OR status IN ('pending-provisioning', 'active'))
      ORDER BY application_id, entitlement_key, added_at DESC, assignment_id`,
    [identityId, options.includeRevoked],
  );
  return rows.map(toView);
}

/** One assignment, or null when the read model does not have it (yet). */
export async function assignmentById(db: Queryable, assignmentId: string): Promise<AssignmentView | null> {
  const { rows } = await db.query<WorkflowAssignmentRow>('SELECT * FROM workflow_assignments WHERE assignment_id = $1', [assignmentId]);
  return rows[0] ? toView(rows[0]) : null;
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
    durationMs: row.duration_ms === null ? null : Number(row.duration_ms),
    status: row.status,
    revocationReason: row.revocation_reason,
    addedAt: row.added_at,
    acknowledgedAt: row.acknowledged_at,
    revokedAt: row.revoked_at,
    revocationAcknowledgedAt: row.revocation_acknowledged_at,
    lastFailure: row.last_failure,
  };
}
