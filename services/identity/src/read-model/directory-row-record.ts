import { EMPLOYMENT_TYPES, type EmploymentType, type HrRecord } from '../domain/hr-record';
import type { IdentityDirectoryRow } from './identity-directory.table';

/** The directory columns an HR record is made of. */
export type DirectoryRecordColumns = Pick<
  IdentityDirectoryRow,
  | 'employee_number'
  | 'status'
  | 'given_name'
  | 'family_name'
  | 'email'
  | 'department'
  | 'title'
  | 'manager_employee_number'
  | 'location'
  | 'cost_center'
  | 'employment_type'
  | 'custom'
  | 'start_date'
  | 'termination_date'
  | 'scheduled_termination_date'
>;

/**
 * The identity as the HR record the directory last accepted: what the HR inputs show back and what
 * the CSV diff compares a file with. A scheduled termination is the record's termination date (it is
 * what HR sent); a terminated identity is inactive.
 */
export function directoryRowToRecord(row: DirectoryRecordColumns): HrRecord {
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
      employmentType: employmentTypeOf(row.employment_type),
      custom: row.custom,
    },
  };
}

function employmentTypeOf(value: string): EmploymentType {
  // The projection only ever stores values the decider accepted.
  return (EMPLOYMENT_TYPES as readonly string[]).includes(value) ? (value as EmploymentType) : 'employee';
}
