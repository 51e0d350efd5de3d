import type { HrRecord } from '../../domain/hr-record';
import { NO_IDENTITIES, type CurrentIdentities } from './current-identities';
import { findDuplicateEmployeeNumbers } from './duplicate-employee-numbers';
import type { HrCsvImportResult, HrImportWarning, RejectedHrRow } from './hr-csv-import-result';
import { describeRow, validateHrCsvRow } from './hr-csv-row-schema';
import { findManagerCycles } from './manager-cycles';
import type { HrCsvTable } from './read-hr-csv';

interface RowUnderReview {
  readonly line: number;
  readonly employeeNumber: string | undefined;
  readonly raw: Readonly<Record<string, string>>;
  readonly record: HrRecord | undefined;
  readonly problems: string[];
}

/**
 * Validates every row of a read file into HrRecords. A bad row is rejected with errors naming its line,
 * employee, field and problem; the other rows go through. Whole-file checks reject every row involved:
 * duplicate employee numbers and manager cycles (in the hierarchy the file would produce together with
 * `current`). A manager who is neither in the accepted records nor a current identity is accepted with a
 * warning: the link is made when that manager appears.
 */
export function validateHrCsv(table: HrCsvTable, current: CurrentIdentities = NO_IDENTITIES): HrCsvImportResult {
  const tableWarnings: HrImportWarning[] = table.warnings.map((message) => ({ message }));
  if (table.fileErrors.length > 0) {
    return { accepted: [], rejected: [], warnings: tableWarnings, fileErrors: table.fileErrors, employeeNumbersInFile: new Set() };
  }

  const rows: RowUnderReview[] = table.rows.map(({ line, values, shapeProblems }) => {
    const employeeNumber = values['employee_number']?.trim() || undefined;
    const validation = validateHrCsvRow(values);
    return {
      line,
      employeeNumber,
      raw: values,
      record: validation.ok ? validation.record : undefined,
      problems: [...shapeProblems, ...(validation.ok ? [] : validation.problems)],
    };
  });

  const duplicates = findDuplicateEmployeeNumbers(rows);
  for (const row of rows) {
    const duplicate = duplicates.get(row.line);
    if (duplicate) row.problems.push(duplicate);
  }

  rejectManagerCycles(rows, current);

  const accepted = rows.filter(isValid).map((row) => row.record);
  const rejected: RejectedHrRow[] = [
    ...table.unreadable.map((row) => ({
      line: row.line,
      raw: { unparsed: row.text },
      errors: [`${describeRow(row.line, undefined)}: the row is not readable as CSV: ${row.problem}`],
    })),
    ...rows
      .filter((row) => row.problems.length > 0)
      .map((row) => ({
        line: row.line,
        ...(row.employeeNumber === undefined ? {} : { employeeNumber: row.employeeNumber }),
        raw: row.raw,
        errors: row.problems.map((problem) => `${describeRow(row.line, row.employeeNumber)}: ${problem}`),
      })),
  ].sort((a, b) => a.line - b.line);

  return {
    accepted,
    rejected,
    warnings: [...tableWarnings, ...unknownManagerWarnings(rows, accepted, current)],
    fileErrors: [],
    employeeNumbersInFile: new Set(rows.flatMap((row) => (row.employeeNumber ? [row.employeeNumber] : []))),
  };
}

function isValid(row: RowUnderReview): row is RowUnderReview & { record: HrRecord } {
  return row.problems.length === 0 && row.record !== undefined;
}

function rejectManagerCycles(rows: readonly RowUnderReview[], current: CurrentIdentities): void {
  const managerOf = new Map<string, string | null>();
  for (const [employeeNumber, identity] of current) managerOf.set(employeeNumber, identity.record.attributes.managerEmployeeNumber);
  const validRows = rows.filter(isValid);
  for (const row of validRows) managerOf.set(row.record.employeeNumber, row.record.attributes.managerEmployeeNumber);

  const rowByEmployee = new Map(validRows.map((row) => [row.record.employeeNumber, row]));
  for (const cycle of findManagerCycles(managerOf)) {
    const members = cycle.slice(0, -1);
    // A cycle made only of current identities is not this file's doing; the file cannot fix it either.
    if (!members.some((member) => rowByEmployee.has(member))) continue;
    members.forEach((member, index) => {
      const row = rowByEmployee.get(member);
      if (!row) return;
      const chain = [...members.slice(index), ...members.slice(0, index), member].join(' → ');
      row.problems.push(
        `manager_employee_number "${row.record.attributes.managerEmployeeNumber}" makes a manager cycle ${chain}: every person in it is held`,
      );
    });
  }
}

function unknownManagerWarnings(
  rows: readonly RowUnderReview[],
  accepted: readonly HrRecord[],
  current: CurrentIdentities,
): HrImportWarning[] {
  const acceptedNumbers = new Set(accepted.map((record) => record.employeeNumber));
  return rows.filter(isValid).flatMap((row) => {
    const manager = row.record.attributes.managerEmployeeNumber;
    if (manager === null || acceptedNumbers.has(manager) || current.has(manager)) return [];
    return [
      {
        line: row.line,
        employeeNumber: row.record.employeeNumber,
        message: `${describeRow(row.line, row.record.employeeNumber)}: manager_employee_number "${manager}" is not a known identity nor accepted in this file; the record is accepted and linked when that manager appears`,
      },
    ];
  });
}
