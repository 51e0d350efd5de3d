import type { HrAttributes, HrRecord } from '../../../domain/hr-record';
import type { CurrentIdentities, CurrentIdentity, IdentityStatus } from '../current-identities';

export const HEADER =
  'employee_number,given_name,family_name,email,department,title,manager_employee_number,location,cost_center,employment_type,start_date,termination_date';

/** A valid record; tests override only what they are about. */
export function hrRecord(
  employeeNumber: string,
  overrides: Partial<Omit<HrRecord, 'attributes'>> & { readonly attributes?: Partial<HrAttributes> } = {},
): HrRecord {
  return {
    employeeNumber,
    startDate: '2024-01-15',
    terminationDate: null,
    active: true,
    ...overrides,
    attributes: {
      givenName: `Given${employeeNumber}`,
      familyName: `Family${employeeNumber}`,
      email: `person${employeeNumber}@example.com`,
      department: 'Engineering',
      title: 'Engineer',
      managerEmployeeNumber: null,
      location: 'Lyon',
      costCenter: 'CC-100',
      employmentType: 'employee',
      custom: {},
      ...overrides.attributes,
    },
  };
}

export function identities(
  ...entries: readonly (HrRecord | readonly [HrRecord, IdentityStatus])[]
): Map<string, CurrentIdentity> & CurrentIdentities {
  return new Map(
    entries.map((entry) => {
      const [record, status] = 'employeeNumber' in entry ? [entry, 'active' as const] : entry;
      return [record.employeeNumber, { record, status }];
    }),
  );
}

/** A company of `size` active people numbered from 1000, everyone reporting to 1000. */
export function company(size: number): HrRecord[] {
  return Array.from({ length: size }, (_, index) =>
    hrRecord(String(1000 + index), { attributes: { managerEmployeeNumber: index === 0 ? null : '1000' } }),
  );
}
