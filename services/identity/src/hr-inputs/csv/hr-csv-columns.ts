/**
 * The columns of a full HR extract (the usual nightly CSV file).
 *
 * Required columns (the header must name each one, in any order):
 *   employee_number          unique per person, stable across rehires (required value)
 *   given_name, family_name  required values
 *   email                    required value, an email address
 *   department, title        may be empty
 *   manager_employee_number  empty = top of the hierarchy; may name someone not known yet
 *   location, cost_center    may be empty
 *   employment_type          employee | contractor | intern | temporary (any case)
 *   start_date               YYYY-MM-DD, first day of the current employment
 * Optional columns:
 *   termination_date         YYYY-MM-DD, last day of employment; empty = none
 *   active                   true/false, yes/no, y/n, 1/0; empty or absent = true
 *   custom.<name>            organisation-specific attributes (e.g. custom.division); empty = cleared
 *
 * Header names are case-insensitive and trimmed; spaces and hyphens count as underscores
 * ("Employee Number" = employee_number). Custom attribute names are kept in lower case.
 * A UTF-8 byte order mark and CRLF line endings are accepted.
 */
export const REQUIRED_COLUMNS = [
  'employee_number',
  'given_name',
  'family_name',
  'email',
  'department',
  'title',
  'manager_employee_number',
  'location',
  'cost_center',
  'employment_type',
  'start_date',
] as const;

export const OPTIONAL_COLUMNS = ['termination_date', 'active'] as const;

export type StandardColumn = (typeof REQUIRED_COLUMNS)[number] | (typeof OPTIONAL_COLUMNS)[number];

export const CUSTOM_COLUMN_PREFIX = 'custom.';

const STANDARD_COLUMNS: ReadonlySet<string> = new Set<string>([...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS]);

export function normalizeHeader(header: string): string {
  return header
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

export function isStandardColumn(column: string): column is StandardColumn {
  return STANDARD_COLUMNS.has(column);
}

export function isCustomColumn(column: string): boolean {
  return column.startsWith(CUSTOM_COLUMN_PREFIX) && column.length > CUSTOM_COLUMN_PREFIX.length;
}

/** `custom.division` -> `division`. */
export function customAttributeName(column: string): string {
  return column.slice(CUSTOM_COLUMN_PREFIX.length);
}
