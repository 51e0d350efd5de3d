import type { HrRecord } from '../../domain/hr-record';
import { REQUIRED_COLUMNS, validateHrCsv, type CurrentIdentities, type HrImportWarning } from '../../hr-inputs/csv';
import { isCustomColumn, isStandardColumn, normalizeHeader } from '../../hr-inputs/csv/hr-csv-columns';
import { describeRow } from '../../hr-inputs/csv/hr-csv-row-schema';

/** One column of a corrected row, named as in the file's header. */
export interface HrRecordValue {
  readonly column: string;
  readonly value: string;
}

/** The key under which a row the CSV reader could not split keeps its text. */
const UNPARSED = 'unparsed';

/**
 * The rejected row with an administrator's values over it, by normalized column name: a column not given
 * keeps the rejected row's raw value. A row the CSV reader could not split only has its text, which is
 * dropped: every required column must then be given. Unknown, repeated and missing columns are problems.
 */
export function correctedRow(
  rejected: Readonly<Record<string, string>>,
  values: readonly HrRecordValue[],
): { readonly raw: Readonly<Record<string, string>>; readonly problems: readonly string[] } {
  const raw: Record<string, string> = UNPARSED in rejected ? {} : { ...rejected };
  const problems: string[] = [];
  const given = new Set<string>();
  for (const { column: header, value } of values) {
    const column = normalizeHeader(header);
    if (!isStandardColumn(column) && !isCustomColumn(column)) {
      problems.push(`column "${header}" is not a column of the HR file (see the documented columns)`);
    } else if (given.has(column)) {
      problems.push(`column ${column} is given more than once`);
    } else {
      given.add(column);
      raw[column] = value;
    }
  }
  for (const column of REQUIRED_COLUMNS) if (!(column in raw)) problems.push(`${column} is missing: give its value`);
  return { raw, problems };
}

export type CorrectedRowValidation =
  | { readonly ok: true; readonly record: HrRecord; readonly warnings: readonly HrImportWarning[] }
  | { readonly ok: false; readonly problems: readonly string[] };

/**
 * Validates a corrected row exactly as the import validates a row of its file: every field, then the
 * manager cycle it would make with the directory. The problems name the field and what is wrong; the
 * caller names the run and the record.
 */
export function validateCorrectedRow(
  raw: Readonly<Record<string, string>>,
  line: number,
  current: CurrentIdentities,
): CorrectedRowValidation {
  const result = validateHrCsv(
    { columns: Object.keys(raw), rows: [{ line, values: raw, shapeProblems: [] }], unreadable: [], fileErrors: [], warnings: [] },
    current,
  );
  const [record] = result.accepted;
  if (record) return { ok: true, record, warnings: result.warnings };
  const prefix = `${describeRow(line, raw['employee_number']?.trim() || undefined)}: `;
  const problems = result.rejected.flatMap((rejected) => rejected.errors);
  return { ok: false, problems: problems.map((problem) => (problem.startsWith(prefix) ? problem.slice(prefix.length) : problem)) };
}
