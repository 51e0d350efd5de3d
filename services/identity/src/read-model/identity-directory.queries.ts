import type { Pool, PoolClient } from 'pg';
import type { IdentityDirectoryRow } from './identity-directory.table';

export type Queryable = Pick<Pool | PoolClient, 'query'>;

/** Every column a reader needs; the folded `state` stays behind (it is the projection's own). */
export const IDENTITY_COLUMNS = `employee_number, identity_id, status, given_name, family_name, email, department, title,
  manager_employee_number, location, cost_center, employment_type, custom, start_date, termination_date,
  scheduled_termination_date, next_due_date, employment, version, created_at, updated_at`;

/** The order every identity list uses; the cursor is this key of the last row. */
export const IDENTITY_ORDER = 'family_name, given_name, employee_number';

export async function identityById(db: Queryable, identityId: string): Promise<IdentityDirectoryRow | undefined> {
  const { rows } = await db.query<IdentityDirectoryRow>(`SELECT ${IDENTITY_COLUMNS} FROM identity_directory WHERE identity_id = $1`, [
    identityId,
  ]);
  return rows[0];
}

export async function identitiesByIds(db: Queryable, identityIds: readonly string[]): Promise<IdentityDirectoryRow[]> {
  const { rows } = await db.query<IdentityDirectoryRow>(
    `SELECT ${IDENTITY_COLUMNS} FROM identity_directory WHERE identity_id = ANY($1::text[])`,
    [identityIds],
  );
  return rows;
}

export async function identitiesByEmployeeNumbers(db: Queryable, employeeNumbers: readonly string[]): Promise<IdentityDirectoryRow[]> {
  const { rows } = await db.query<IdentityDirectoryRow>(
    `SELECT ${IDENTITY_COLUMNS} FROM identity_directory WHERE employee_number = ANY($1::text[])`,
    [employeeNumbers],
  );
  return rows;
}

/** The people who name any of these managers, in list order (uses the manager index). */
export async function reportsOfManagers(db: Queryable, managerEmployeeNumbers: readonly string[]): Promise<IdentityDirectoryRow[]> {
  const { rows } = await db.query<IdentityDirectoryRow>(
    `SELECT ${IDENTITY_COLUMNS} FROM identity_directory WHERE manager_employee_number = ANY($1::text[]) ORDER BY ${IDENTITY_ORDER}`,
    [managerEmployeeNumbers],
  );
  return rows;
}
