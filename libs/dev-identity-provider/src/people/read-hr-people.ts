import { parse } from 'csv-parse/sync';
import type { DevPerson } from './dev-person';

const REQUIRED_COLUMNS = ['employee_number', 'given_name', 'family_name', 'email'] as const;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface HrPeople {
  readonly people: readonly DevPerson[];
  /** Rows that were left out, each naming its row and what was wrong. */
  readonly problems: readonly string[];
}

/** Thrown when the HR file as a whole cannot be used (unreadable CSV, missing columns). */
export class HrPeopleFileError extends Error {
  constructor(source: string, problem: string) {
    super(`HR file ${source}: ${problem}`);
    this.name = 'HrPeopleFileError';
  }
}

/**
 * Reads the people of an HR CSV file (the columns of services/identity's HR import: employee_number,
 * given_name, family_name, email, ... start_date, termination_date). Quoted fields may hold commas and newlines.
 * `source` names the file in messages.
 */
export function readHrPeople(csvText: string, source: string): HrPeople {
  let rows: string[][];
  try {
    rows = parse(csvText, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true }) as string[][];
  } catch (error) {
    throw new HrPeopleFileError(source, `not readable as CSV (${error instanceof Error ? error.message : String(error)})`);
  }
  const [header, ...records] = rows;
  if (!header) throw new HrPeopleFileError(source, 'the file is empty; expected a header row naming the columns');

  const columns = header.map((name) => name.trim().toLowerCase());
  const missing = REQUIRED_COLUMNS.filter((column) => !columns.includes(column));
  if (missing.length > 0) throw new HrPeopleFileError(source, `missing column(s) ${missing.join(', ')}`);

  const people: DevPerson[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  records.forEach((record, index) => {
    const row = index + 2; // 1-based, after the header
    const value = (column: string): string => record[columns.indexOf(column)]?.trim() ?? '';
    const employeeNumber = value('employee_number');
    if (!employeeNumber) {
      problems.push(`row ${row}: no employee_number; this person cannot sign in`);
      return;
    }
    if (seen.has(employeeNumber)) {
      problems.push(`row ${row}: employee_number ${employeeNumber} appears again; only its first row is used`);
      return;
    }
    seen.add(employeeNumber);
    const givenName = value('given_name');
    const familyName = value('family_name');
    const startDate = optionalDate(value('start_date'), 'start_date', row, problems);
    const terminationDate = optionalDate(value('termination_date'), 'termination_date', row, problems);
    people.push({
      employeeNumber,
      givenName,
      familyName,
      name: [givenName, familyName].filter(Boolean).join(' ') || employeeNumber,
      email: value('email'),
      ...(startDate ? { startDate } : {}),
      ...(terminationDate ? { terminationDate } : {}),
    });
  });
  return { people, problems };
}

function optionalDate(text: string, column: string, row: number, problems: string[]): string | undefined {
  if (!text) return undefined;
  if (ISO_DATE.test(text)) return text;
  problems.push(`row ${row}: ${column} "${text}" is not a YYYY-MM-DD date; it is ignored`);
  return undefined;
}
