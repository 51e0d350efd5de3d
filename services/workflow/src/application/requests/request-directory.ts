import type { PeerAdoption, PeerGroup, PolicySubject } from '@tenure/policy-decisions';
import type { Queryable } from '../../read-model/queryable';

// What requests read of workflow's copies (the directory, the assignments) to decide and route.

export interface KnownPerson {
  readonly identityId: string;
  readonly employeeNumber: string;
  readonly status: PolicySubject['status'];
  readonly managerEmployeeNumber: string | null;
}

export async function personByEmployeeNumber(db: Queryable, employeeNumber: string): Promise<KnownPerson | null> {
  const { rows } = await db.query<{
    identity_id: string;
    employee_number: string;
    status: KnownPerson['status'];
    manager_employee_number: string | null;
  }>('SELECT identity_id, employee_number, status, manager_employee_number FROM workflow_identities WHERE employee_number = $1', [
    employeeNumber,
  ]);
  const row = rows[0];
  return row
    ? {
        identityId: row.identity_id,
        employeeNumber: row.employee_number,
        status: row.status,
        managerEmployeeNumber: row.manager_employee_number,
      }
    : null;
}

export async function personByIdentityId(db: Queryable, identityId: string): Promise<KnownPerson | null> {
  const { rows } = await db.query<{ employee_number: string }>('SELECT employee_number FROM workflow_identities WHERE identity_id = $1', [
    identityId,
  ]);
  return rows[0] ? personByEmployeeNumber(db, rows[0].employee_number) : null;
}

/** Managers on record of these people (absent: unknown to workflow, or no manager). */
export async function managersOf(db: Queryable, employeeNumbers: readonly string[]): Promise<Record<string, string | null>> {
  if (employeeNumbers.length === 0) return {};
  const { rows } = await db.query<{ employee_number: string; manager_employee_number: string | null }>(
    'SELECT employee_number, manager_employee_number FROM workflow_identities WHERE employee_number = ANY ($1::text[])',
    [[...new Set(employeeNumbers)]],
  );
  return Object.fromEntries(rows.map((row) => [row.employee_number, row.manager_employee_number]));
}

export interface HeldAssignment {
  readonly assignmentId: string;
  readonly identityId: string;
  readonly applicationId: string;
  readonly entitlementKey: string;
  readonly sourceKind: string;
  readonly sourceReference: string;
  readonly status: string;
  readonly validUntil: Date | null;
}

const HELD = `status IN ('pending-provisioning', 'active')`;

/** What the identity holds now (pending provisioning or active). */
export async function heldAssignmentsOf(db: Queryable, identityId: string): Promise<HeldAssignment[]> {
  const { rows } = await db.query<AssignmentRow>(`SELECT ${COLUMNS} FROM workflow_assignments WHERE identity_id = $1 AND ${HELD}`, [
    identityId,
  ]);
  return rows.map(toHeld);
}

export async function heldAssignmentById(db: Queryable, assignmentId: string): Promise<HeldAssignment | null> {
  const { rows } = await db.query<AssignmentRow>(`SELECT ${COLUMNS} FROM workflow_assignments WHERE assignment_id = $1 AND ${HELD}`, [
    assignmentId,
  ]);
  return rows[0] ? toHeld(rows[0]) : null;
}

/**
 * The subject's peers (same department, manager or title; not terminated; the subject left out)
 * and how many of them hold the entitlement: what auto-approval's peer share is computed from.
 */
export async function peerAdoption(
  db: Queryable,
  subject: PolicySubject,
  peerGroup: PeerGroup,
  applicationId: string,
  entitlementKey: string,
): Promise<PeerAdoption> {
  const attribute = {
    department: "snapshot->'attributes'->>'department'",
    manager: 'manager_employee_number',
    title: "snapshot->'attributes'->>'title'",
  }[peerGroup];
  const value = { department: subject.department, manager: subject.managerEmployeeNumber, title: subject.title }[peerGroup];
  if (value === null) return { peerGroup, peers: 0, holding: 0 };
  const { rows } = await db.query<{ peers: string; holding: string }>(
    `SELECT count(*) AS peers,
            count(*) FILTER (WHERE EXISTS (
              SELECT 1 FROM workflow_assignments a WHERE a.identity_id = i.identity_id AND a.application_id = $3 AND a.entitlement_key = $4
                AND a.${HELD})) AS holding
       FROM workflow_identities i
      WHERE i.${attribute} = $1 AND i.status <> 'terminated' AND i.employee_number <> $2`,
    [value, subject.employeeNumber, applicationId, entitlementKey],
  );
  return { peerGroup, peers: Number(rows[0]?.peers ?? 0), holding: Number(rows[0]?.holding ?? 0) };
}

const COLUMNS = 'assignment_id, identity_id, application_id, entitlement_key, source_kind, source_reference, status, valid_until';

interface AssignmentRow {
  assignment_id: string;
  identity_id: string;
  application_id: string;
  entitlement_key: string;
  source_kind: string;
  source_reference: string;
  status: string;
  valid_until: Date | null;
}

function toHeld(row: AssignmentRow): HeldAssignment {
  return {
    assignmentId: row.assignment_id,
    identityId: row.identity_id,
    applicationId: row.application_id,
    entitlementKey: row.entitlement_key,
    sourceKind: row.source_kind,
    sourceReference: row.source_reference,
    status: row.status,
    validUntil: row.valid_until,
  };
}

/** The subject's peers in the approver's sense: same department and same title, not terminated, the subject left out. */
export interface PeerHolding {
  readonly department: string;
  readonly title: string;
  readonly peers: number;
  readonly holding: number;
}

/** How many of the subject's peers (same department and title) hold the entitlement now; null when workflow does not know the subject. */
export async function peerHolding(
  db: Queryable,
  identityId: string,
  applicationId: string,
  entitlementKey: string,
): Promise<PeerHolding | null> {
  const { rows } = await db.query<{ department: string; title: string; peers: string; holding: string }>(
    `SELECT s.snapshot->'attributes'->>'department' AS department, s.snapshot->'attributes'->>'title' AS title,
            count(p.identity_id) AS peers,
            count(p.identity_id) FILTER (WHERE EXISTS (
              SELECT 1 FROM workflow_assignments a WHERE a.identity_id = p.identity_id AND a.application_id = $2 AND a.entitlement_key = $3
                AND a.${HELD})) AS holding
       FROM workflow_identities s
       LEFT JOIN workflow_identities p
         ON p.snapshot->'attributes'->>'department' = s.snapshot->'attributes'->>'department'
        AND p.snapshot->'attributes'->>'title' = s.snapshot->'attributes'->>'title'
        AND p.status <> 'terminated' AND p.identity_id <> s.identity_id
      WHERE s.identity_id = $1
      GROUP BY 1, 2`,
    [identityId, applicationId, entitlementKey],
  );
  const row = rows[0];
  return row ? { department: row.department, title: row.title, peers: Number(row.peers), holding: Number(row.holding) } : null;
}
