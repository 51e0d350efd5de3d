import type { AssignmentSource, AssignmentSourceKind } from '@tenure/contracts';
import type { Queryable } from '../queryable';

/** A held assignment with the identity it belongs to, as a campaign's scope finds it. */
export interface HeldAssignment {
  readonly assignmentId: string;
  readonly identityId: string;
  readonly employeeNumber: string;
  /** The subject's manager now (null: none known). */
  readonly managerEmployeeNumber: string | null;
  readonly applicationId: string;
  readonly entitlementKey: string;
  readonly source: AssignmentSource;
}

/** "Held": waiting for provisioning or active (not revoking, not revoked). */
const HELD = ['pending-provisioning', 'active'];

interface HeldRow {
  assignment_id: string;
  identity_id: string;
  employee_number: string;
  manager_employee_number: string | null;
  application_id: string;
  entitlement_key: string;
  source_kind: AssignmentSourceKind;
  source_reference: string;
  source_policy_version: number | null;
}

const SELECT_HELD = `
  SELECT a.assignment_id, a.identity_id, w.employee_number, w.manager_employee_number, a.application_id, a.entitlement_key,
         a.source_kind, a.source_reference, a.source_policy_version
    FROM workflow_assignments a JOIN workflow_identities w ON w.identity_id = a.identity_id
   WHERE a.status = ANY ($1::text[]) AND w.status <> 'terminated'`;
const ORDER = ' ORDER BY w.employee_number, a.application_id, a.entitlement_key, a.assignment_id';

export async function heldInApplication(db: Queryable, applicationId: string, entitlementKey: string | null): Promise<HeldAssignment[]> {
  const { rows } = await db.query<HeldRow>(
    `${SELECT_HELD} AND a.application_id = $2 AND ($3::text IS NULL OR a.entitlement_key = $3)${ORDER}`,
    [HELD, applicationId, entitlementKey],
  );
  return rows.map(toHeld);
}

export async function heldByIdentities(db: Queryable, identityIds: readonly string[]): Promise<HeldAssignment[]> {
  if (identityIds.length === 0) return [];
  const { rows } = await db.query<HeldRow>(`${SELECT_HELD} AND a.identity_id = ANY ($2::text[])${ORDER}`, [HELD, identityIds]);
  return rows.map(toHeld);
}

export async function heldAssignment(db: Queryable, assignmentId: string): Promise<HeldAssignment | null> {
  const { rows } = await db.query<HeldRow>(`${SELECT_HELD} AND a.assignment_id = $2`, [HELD, assignmentId]);
  return rows[0] ? toHeld(rows[0]) : null;
}

function toHeld(row: HeldRow): HeldAssignment {
  return {
    assignmentId: row.assignment_id,
    identityId: row.identity_id,
    employeeNumber: row.employee_number,
    managerEmployeeNumber: row.manager_employee_number,
    applicationId: row.application_id,
    entitlementKey: row.entitlement_key,
    source: { kind: row.source_kind, reference: row.source_reference, policyVersion: row.source_policy_version },
  };
}
