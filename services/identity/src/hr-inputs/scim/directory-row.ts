import type { EmploymentType, HrRecord } from '../../domain/hr-record';
import type { IdentityDirectoryRow } from '../../read-model/identity-directory.table';
import type { DirectoryIdentity, DirectoryIdentityStatus } from './hr-directory';

/** A row of `identity_directory` with the SCIM external id kept beside it. */
export type DirectoryRowWithExternalId = IdentityDirectoryRow & { readonly external_id: string | null };

/** The columns every directory query selects, for `directoryRowToIdentity`. */
export const DIRECTORY_COLUMNS = 'd.*, x.external_id';
export const DIRECTORY_FROM = 'identity_directory d LEFT JOIN scim_external_ids x ON x.identity_id = d.identity_id';

const STATUS: Readonly<Record<IdentityDirectoryRow['status'], DirectoryIdentityStatus>> = {
  'pre-hire': 'pre_hire',
  active: 'active',
  'on-leave': 'on_leave',
  terminated: 'terminated',
};

/** The identity as the SCIM layer sees it; its version is the identity stream's revision. */
export function directoryRowToIdentity(row: DirectoryRowWithExternalId): DirectoryIdentity {
  const record: HrRecord = {
    employeeNumber: row.employee_number,
    startDate: row.start_date,
    // A scheduled termination is what HR sent as the termination date; show it back.
    terminationDate: row.termination_date ?? row.scheduled_termination_date,
    active: row.status !== 'terminated',
    attributes: {
      givenName: row.given_name,
      familyName: row.family_name,
      email: row.email,
      department: row.department,
      title: row.title,
      managerEmployeeNumber: row.manager_employee_number,
      location: row.location,
      costCenter: row.cost_center,
      employmentType: row.employment_type as EmploymentType,
      custom: row.custom,
    },
  };
  return {
    id: row.identity_id,
    version: String(row.version),
    record,
    externalId: row.external_id,
    status: STATUS[row.status],
    created: row.created_at,
    lastModified: row.updated_at,
  };
}
