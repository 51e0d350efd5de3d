import { z } from 'zod';
import { EMPLOYMENT_TYPES, type HrRecord } from '../../domain/hr-record';
import { customAttributeName, isCustomColumn } from './hr-csv-columns';
import { isIsoDate } from './iso-date';

// Each message completes the sentence `<column> "<value>" ...`, so an error names the field, the value and the problem.
const REQUIRED = { error: 'is empty but required', abort: true } as const;

const requiredText = z.string().trim().min(1, REQUIRED);
const optionalText = z.string().trim();
const isoDate = z.string().trim().refine(isIsoDate, { error: 'is not a date (YYYY-MM-DD)' });
const optionalIsoDate = z
  .string()
  .trim()
  .refine((value) => value === '' || isIsoDate(value), { error: 'is not a date (YYYY-MM-DD)' })
  .transform((value) => (value === '' ? null : value));

const TRUE_WORDS = ['true', 'yes', 'y', '1', ''];
const FALSE_WORDS = ['false', 'no', 'n', '0'];

const rowSchema = z.object({
  employee_number: requiredText,
  given_name: requiredText,
  family_name: requiredText,
  email: requiredText.pipe(z.email({ error: 'is not an email address' })),
  department: optionalText,
  title: optionalText,
  manager_employee_number: optionalText.transform((value) => (value === '' ? null : value)),
  location: optionalText,
  cost_center: optionalText,
  employment_type: requiredText.toLowerCase().pipe(z.enum(EMPLOYMENT_TYPES, { error: `is not one of ${EMPLOYMENT_TYPES.join(', ')}` })),
  start_date: requiredText.pipe(isoDate),
  termination_date: optionalIsoDate.optional().transform((value) => value ?? null),
  active: z
    .string()
    .trim()
    .toLowerCase()
    .refine((value) => TRUE_WORDS.includes(value) || FALSE_WORDS.includes(value), { error: 'is not true or false' })
    .optional()
    .transform((value) => value === undefined || TRUE_WORDS.includes(value)),
});

/** "line 14 (employee 1042)" or "line 14" when the row has no employee number. */
export function describeRow(line: number, employeeNumber: string | undefined): string {
  return employeeNumber ? `line ${line} (employee ${employeeNumber})` : `line ${line}`;
}

export type RowValidation = { readonly ok: true; readonly record: HrRecord } | { readonly ok: false; readonly problems: readonly string[] };

/** Validates one row's values into an HrRecord; every problem names the column, the value and what is wrong. */
export function validateHrCsvRow(values: Readonly<Record<string, string>>): RowValidation {
  const parsed = rowSchema.safeParse(values);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const column = String(issue.path[0] ?? 'row');
      const value = values[column]?.trim() ?? '';
      return value === '' ? `${column} ${issue.message}` : `${column} "${value}" ${issue.message}`;
    });
    return { ok: false, problems };
  }

  const row = parsed.data;
  const problems: string[] = [];
  if (row.manager_employee_number === row.employee_number) {
    problems.push(`manager_employee_number "${row.employee_number}" is the employee themself: nobody manages themself`);
  }
  if (row.termination_date !== null && row.termination_date < row.start_date) {
    problems.push(`termination_date "${row.termination_date}" is before start_date "${row.start_date}"`);
  }
  if (problems.length > 0) return { ok: false, problems };

  const custom: Record<string, string> = {};
  for (const [column, value] of Object.entries(values)) {
    if (isCustomColumn(column)) custom[customAttributeName(column)] = value.trim();
  }

  return {
    ok: true,
    record: {
      employeeNumber: row.employee_number,
      attributes: {
        givenName: row.given_name,
        familyName: row.family_name,
        email: row.email,
        department: row.department,
        title: row.title,
        managerEmployeeNumber: row.manager_employee_number,
        location: row.location,
        costCenter: row.cost_center,
        employmentType: row.employment_type,
        custom,
      },
      startDate: row.start_date,
      terminationDate: row.termination_date,
      active: row.active,
    },
  };
}
