import type { AssignmentRevocationReason, AssignmentSource } from '@tenure/contracts';
import type { Queryable } from '../queryable';
import type { AppliedExtension, WorkflowAssignmentHistoryRow } from './workflow-assignment-history.table';

/**
 * What "held at T" means; every interval is half-open, [start, end): held at its start instant, no
 * longer at its end instant.
 * - `in-application`: from the connector's acknowledgement of the grant to its acknowledgement of
 *   the removal — the access really in the application. A grant never acknowledged was never held;
 *   a removal not acknowledged yet is still held.
 * - `assigned`: from the addition (the grant decision) to the revocation (the decision to remove).
 */
export type HeldBasis = 'in-application' | 'assigned';

/** One assignment held at an instant, with everything that says why and since when. */
export interface HeldAtTimeView {
  readonly assignmentId: string;
  readonly identityId: string;
  readonly employeeNumber: string | null;
  readonly applicationId: string;
  readonly entitlementKey: string;
  readonly source: AssignmentSource;
  /** Start of the interval under the basis asked: `activeFrom` for in-application, `addedAt` for assigned. */
  readonly since: Date;
  readonly addedAt: Date;
  readonly activeFrom: Date | null;
  /** The end in force at the instant asked (extensions applied by then included); null: no end. */
  readonly validUntilAt: Date | null;
  /** Extensions applied by the instant asked, oldest first. */
  readonly extensionsAt: readonly AppliedExtension[];
  /** What happened later, as known now: the revocation (null: not revoked yet) and its acknowledgement. */
  readonly revokedAt: Date | null;
  readonly revocationReason: AssignmentRevocationReason | null;
  readonly revocationAcknowledgedAt: Date | null;
}

const HELD_CONDITION: Record<HeldBasis, string> = {
  'in-application': 'active_from <= $1 AND (revocation_acknowledged_at IS NULL OR $1 < revocation_acknowledged_at)',
  assigned: 'added_at <= $1 AND (revoked_at IS NULL OR $1 < revoked_at)',
};

/** Who held this entitlement at `at`, by employee number then start. */
export async function holdersAt(
  db: Queryable,
  entitlement: { readonly applicationId: string; readonly entitlementKey: string },
  at: Date,
  basis: HeldBasis,
): Promise<HeldAtTimeView[]> {
  const { rows } = await db.query<WorkflowAssignmentHistoryRow>(
    `SELECT * FROM workflow_assignment_history WHERE ${HELD_CONDITION[basis]} AND application_id = $2 AND entitlement_key = $3
      ORDER BY employee_number, identity_id, added_at, assignment_id`,
    [at, entitlement.applicationId, entitlement.entitlementKey],
  );
  return rows.map((row) => toView(row, at, basis));
}

/** Everything this identity held at `at`, by application, entitlement, then start. */
export async function accessAt(db: Queryable, identityId: string, at: Date, basis: HeldBasis): Promise<HeldAtTimeView[]> {
  const { rows } = await db.query<WorkflowAssignmentHistoryRow>(
    `SELECT * FROM workflow_assignment_history WHERE ${HELD_CONDITION[basis]} AND identity_id = $2
      ORDER BY application_id, entitlement_key, added_at, assignment_id`,
    [at, identityId],
  );
  return rows.map((row) => toView(row, at, basis));
}

/**
 * Requested and break-glass access decided in [from, to), oldest first, as known now: the evidence of
 * just-in-time grants (who, what, why, approvers, start, expiry, actual revocation).
 */
export async function requestedAccessBetween(db: Queryable, from: Date, to: Date, now: Date): Promise<HeldAtTimeView[]> {
  const { rows } = await db.query<WorkflowAssignmentHistoryRow>(
    `SELECT * FROM workflow_assignment_history
      WHERE source_kind IN ('request', 'break-glass') AND added_at >= $1 AND added_at < $2
      ORDER BY added_at, assignment_id`,
    [from, to],
  );
  return rows.map((row) => toView(row, now, 'assigned'));
}

function toView(row: WorkflowAssignmentHistoryRow, at: Date, basis: HeldBasis): HeldAtTimeView {
  const extensionsAt = row.extensions.filter((extension) => Date.parse(extension.extendedAt) <= at.getTime());
  const lastExtension = extensionsAt[extensionsAt.length - 1];
  // A duration's end is only known once its clock started (the acknowledgement).
  const endKnown = row.duration_ms === null || (row.active_from !== null && row.active_from.getTime() <= at.getTime());
  return {
    assignmentId: row.assignment_id,
    identityId: row.identity_id,
    employeeNumber: row.employee_number,
    applicationId: row.application_id,
    entitlementKey: row.entitlement_key,
    source: { kind: row.source_kind, reference: row.source_reference, policyVersion: row.source_policy_version },
    // The condition guarantees active_from is set under in-application.
    since: basis === 'in-application' ? row.active_from! : row.added_at,
    addedAt: row.added_at,
    activeFrom: row.active_from,
    validUntilAt: lastExtension ? new Date(lastExtension.validUntil) : endKnown ? row.initial_valid_until : null,
    extensionsAt,
    revokedAt: row.revoked_at,
    revocationReason: row.revocation_reason,
    revocationAcknowledgedAt: row.revocation_acknowledged_at,
  };
}
