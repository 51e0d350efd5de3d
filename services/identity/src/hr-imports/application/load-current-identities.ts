import type { Pool, PoolClient } from 'pg';
import type { CurrentIdentities, CurrentIdentity } from '../../hr-inputs/csv';
import { directoryRowToRecord, type DirectoryRecordColumns } from '../../read-model/directory-row-record';

type Queryable = Pick<Pool | PoolClient, 'query'>;

/**
 * Every identity the directory knows, as the HR record it last accepted: what the CSV diff compares a
 * file with. A scheduled termination is the record's termination date; a terminated identity is inactive.
 * The directory must be caught up first (see HrImportService's `directoryCaughtUp`).
 */
export async function loadCurrentIdentities(db: Queryable): Promise<CurrentIdentities> {
  const { rows } = await db.query<DirectoryRecordColumns>(
    `SELECT employee_number, status, given_name, family_name, email, department, title, manager_employee_number, location,
            cost_center, employment_type, custom, start_date, termination_date, scheduled_termination_date
       FROM identity_directory`,
  );
  const identities = new Map<string, CurrentIdentity>();
  for (const row of rows) identities.set(row.employee_number, { record: directoryRowToRecord(row), status: row.status });
  return identities;
}
