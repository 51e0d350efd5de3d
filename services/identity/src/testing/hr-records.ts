import type { HrAttributes, HrRecord } from '../domain/hr-record';

/** An HR record with plausible defaults for tests; each test overrides what it is about. */
export function hrRecord(
  employeeNumber: string,
  attributes: Partial<HrAttributes> = {},
  dates: { startDate?: string; terminationDate?: string | null } = {},
): HrRecord {
  return {
    employeeNumber,
    startDate: dates.startDate ?? '2026-11-01',
    terminationDate: dates.terminationDate ?? null,
    active: true,
    attributes: {
      givenName: `Given${employeeNumber}`,
      familyName: 'Person',
      email: `p${employeeNumber}@example.com`,
      department: 'Engineering',
      title: 'Engineer',
      managerEmployeeNumber: null,
      location: 'Berlin',
      costCenter: 'CC-1',
      employmentType: 'employee',
      custom: {},
      ...attributes,
    },
  };
}
