import { ERASED_MARKER, isErased } from '@tenure/contracts';
import type { IdentityDirectoryRow } from '../read-model/identity-directory.table';
import { Identity } from './identity.type';
import type { IdentityStatus } from './identity-status.enum';

/** A directory row as the GraphQL Identity (manager and direct reports come from field resolvers). */
export function toIdentity(row: IdentityDirectoryRow): Identity {
  return Object.assign(new Identity(), {
    id: row.identity_id,
    employeeNumber: row.employee_number,
    status: row.status as IdentityStatus,
    givenName: row.given_name,
    familyName: row.family_name,
    displayName: isErased(row.given_name) ? ERASED_MARKER : `${row.given_name} ${row.family_name}`,
    personalDataErased: isErased(row.given_name),
    email: row.email,
    department: row.department,
    title: row.title,
    location: row.location,
    costCenter: row.cost_center,
    employmentType: row.employment_type,
    customAttributes: Object.entries(row.custom)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, value]) => ({ name, value })),
    managerEmployeeNumber: row.manager_employee_number,
    startDate: row.start_date,
    terminationDate: row.termination_date,
    scheduledTerminationDate: row.scheduled_termination_date,
    employment: row.employment,
    version: Number(row.version),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  });
}
