/**
 * One person as an HR input describes them, after parsing and before any decision: the common
 * shape that the SCIM server, the CSV import and the HR webhook all produce. Validation of a raw
 * input into an HrRecord is per input (it names that input's record and field); deciding what the
 * record changes is the identity aggregate's job.
 */
export const EMPLOYMENT_TYPES = ['employee', 'contractor', 'intern', 'temporary'] as const;
export type EmploymentType = (typeof EMPLOYMENT_TYPES)[number];

/** The HR attributes of an identity. A missing manager is `null` (top of the hierarchy). */
export interface HrAttributes {
  readonly givenName: string;
  readonly familyName: string;
  readonly email: string;
  readonly department: string;
  readonly title: string;
  /** The manager's employee number; may name someone not known yet (linked when they appear). */
  readonly managerEmployeeNumber: string | null;
  readonly location: string;
  readonly costCenter: string;
  readonly employmentType: EmploymentType;
  /** Organisation-specific attributes (e.g. division, organization), strings only. */
  readonly custom: Readonly<Record<string, string>>;
}

/** Attributes whose change makes a person a mover (the event carries before and after). */
export const MOVER_ATTRIBUTES = ['department', 'title', 'managerEmployeeNumber', 'costCenter'] as const;
export type MoverAttribute = (typeof MOVER_ATTRIBUTES)[number];

export interface HrRecord {
  /** Unique per person, stable across rehires. */
  readonly employeeNumber: string;
  readonly attributes: HrAttributes;
  /** ISO date (YYYY-MM-DD): first day of the current employment. */
  readonly startDate: string;
  /** ISO date: last day of employment, when known (today or past = leaver; future = scheduled). */
  readonly terminationDate: string | null;
  /** False means the person is a leaver now (SCIM `active: false`). */
  readonly active: boolean;
}

/** Where an HR change came from: kept on every event so auditors see the feed and the record. */
export interface HrSource {
  readonly kind: 'scim' | 'csv' | 'webhook' | 'admin' | 'timer' | 'demo';
  /** The import run, SCIM request or webhook event id that carried the change. */
  readonly reference: string;
}
