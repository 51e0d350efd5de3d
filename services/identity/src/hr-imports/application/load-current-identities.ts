import type { Pool, PoolClient } from 'pg';
import { EMPLOYMENT_TYPES, type EmploymentType, type HrRecord } from '../../domain/hr-record';
import type { CurrentIdentities, CurrentIdentity, IdentityStatus } from '../../hr-inputs/csv';

type Queryable = Pick<Pool | PoolClient, 'query'>;

interface DirectoryRecordRow {
  employee_number: string;
  status: IdentityStatus;
  given_name: string;
  family_name: string;
  email: string;
  department: string;
  title: string;
  manager_employee_number: string | null;
  location: string;
  cost_center: string;
  employment_type: string;
  custom: Record<string, string>;
  start_date: string;
  termination_date: string | null;
  scheduled_termination_date: string | null;
}

/**
 * Every identity the directory knows, as the HR record it last accepted: what the CSV diff compares a
 * file with. A scheduled termination is the record's termination date; a terminated identity is inactive.
 * The directory must be caught up first (see HrImportService's `directoryCaughtUp`).
 */
export async function loadCurrentIdentities(db: Queryable): Promise<CurrentIdentities> {
  const { rows } = await db.query<DirectoryRecordRow>(
    `SELECT employee_number, status, given_name, family_name, email, department, title, manager_employee_number, location,
            cost_center, employment_type, custom, start_date, termination_date, scheduled_termination_date
       FROM identity_directory`,
  );
  const identities = new Map<string, CurrentIdentity>();
  for (const row of rows) identities.set(row.employee_number, { record: recordOf(row), status: row.status });
  return identities;
}

function recordOf(row: DirectoryRecordRow): HrRecord {
  const terminated = row.status === 'terminated';
  return {
    employeeNumber: row.employee_number,
    startDate: row.start_date,
    terminationDate: terminated ? row.termination_date : row.scheduled_termination_date,
    active: !terminated,
    attributes: {
      givenName: row.given_name,
      familyName: row.family_name,
      email: row.email,
      department: row.department,
      title: row.title,
      managerEmployeeNumber: row.manager_employee_number,
      location: row.location,
      costCenter: row.cost_center,
      employmentType: employmentType(row.employment_type),
      custom: row.custom,
    },
  };
}

function employmentType(value: string): EmploymentType {
  return (EMPLOYMENT_TYPES as readonly string[]).includes(value) ? (value as EmploymentType) : 'employee';
}
