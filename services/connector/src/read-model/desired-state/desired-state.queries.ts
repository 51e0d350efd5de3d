import type { Queryable } from '../queryable';
import type { ConnectorAssignmentRow, ConnectorIdentityRow } from './desired-state.tables';

const IDENTITY_COLUMNS = 'identity_id, employee_number, status, given_name, family_name, email, user_name, terminated_at, updated_at';
const ASSIGNMENT_COLUMNS =
  'assignment_id, identity_id, application_id, entitlement_key, source, valid_from, valid_until, status, revocation_reason, added_at, revoked_at';

export async function identityById(db: Queryable, identityId: string): Promise<ConnectorIdentityRow | null> {
  const { rows } = await db.query<ConnectorIdentityRow>(`SELECT ${IDENTITY_COLUMNS} FROM connector_identities WHERE identity_id = $1`, [
    identityId,
  ]);
  return rows[0] ?? null;
}

/** The identities with these account names (one page of a target's accounts at a time). */
export async function identitiesByUserNames(db: Queryable, userNames: readonly string[]): Promise<ConnectorIdentityRow[]> {
  const { rows } = await db.query<ConnectorIdentityRow>(
    `SELECT ${IDENTITY_COLUMNS} FROM connector_identities WHERE user_name = ANY ($1::text[])`,
    [userNames],
  );
  return rows;
}

/** What the identity should hold now (active assignments), in one application or in all. */
export async function activeAssignments(db: Queryable, identityId: string, applicationId?: string): Promise<ConnectorAssignmentRow[]> {
  const { rows } = await db.query<ConnectorAssignmentRow>(
    `SELECT ${ASSIGNMENT_COLUMNS} FROM connector_assignments
      WHERE identity_id = $1 AND status = 'active' AND ($2::text IS NULL OR application_id = $2)
      ORDER BY application_id, entitlement_key`,
    [identityId, applicationId ?? null],
  );
  return rows;
}

export async function assignmentById(db: Queryable, assignmentId: string): Promise<ConnectorAssignmentRow | null> {
  const { rows } = await db.query<ConnectorAssignmentRow>(
    `SELECT ${ASSIGNMENT_COLUMNS} FROM connector_assignments WHERE assignment_id = $1`,
    [assignmentId],
  );
  return rows[0] ?? null;
}

/** Every application in which the identity has, or had, an assignment: where a leaver's accounts may be. */
export async function applicationsAssignedTo(db: Queryable, identityId: string): Promise<string[]> {
  const { rows } = await db.query<{ application_id: string }>(
    'SELECT DISTINCT application_id FROM connector_assignments WHERE identity_id = $1 ORDER BY application_id',
    [identityId],
  );
  return rows.map((row) => row.application_id);
}
