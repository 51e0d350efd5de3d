import { parse } from 'csv-parse/sync';
import { REQUIRED_COLUMNS, isCustomColumn, isStandardColumn, normalizeHeader } from './hr-csv-columns';

/** One data row of the file, keyed by normalized column name, with its 1-based line in the file. */
export interface HrCsvRow {
  readonly line: number;
  readonly values: Readonly<Record<string, string>>;
  /** Problems with the row's shape (wrong number of fields), reported with the row's other errors. */
  readonly shapeProblems: readonly string[];
}

/** A stretch of text the CSV reader could not turn into a row (an unclosed quote, for instance). */
export interface UnreadableHrCsvRow {
  readonly line: number;
  readonly text: string;
  readonly problem: string;
}

export interface HrCsvTable {
  /** Normalized column names, in file order, of the columns that are used. */
  readonly columns: readonly string[];
  readonly rows: readonly HrCsvRow[];
  readonly unreadable: readonly UnreadableHrCsvRow[];
  /** Problems that make the whole file unusable (no header, missing or repeated columns). */
  readonly fileErrors: readonly string[];
  readonly warnings: readonly string[];
}

interface ParsedRecord {
  readonly record: string[];
  readonly raw: string;
  readonly info: { readonly lines: number };
}

interface SkippedRecordError {
  readonly message?: string;
  readonly lines?: number;
}

/** csv-parse reports the line a record ends on; a quoted field may span lines, so count back to its first. */
function firstLineOf(endLine: number, raw: string): number {
  const newlines = raw.replace(/\r?\n$/, '').match(/\n/g)?.length ?? 0;
  return endLine - newlines;
}

/** Reads the CSV text into rows keyed by column; validates only the header, never the values. */
export function readHrCsv(input: string | Buffer): HrCsvTable {
  const unreadable: UnreadableHrCsvRow[] = [];
  let records: ParsedRecord[];
  try {
    records = parse(input, {
      bom: true,
      info: true,
      raw: true,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      on_skip: (error: SkippedRecordError | undefined, raw: string | undefined) => {
        const text = raw ?? '';
        unreadable.push({
          line: firstLineOf(error?.lines ?? 0, text.replace(/^\r?\n/, '')),
          text: text.trim(),
          problem: error?.message ?? 'the CSV reader could not read this row',
        });
      },
    }) as unknown as ParsedRecord[]; // csv-parse's sync typings do not reflect `info` and `raw`
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { columns: [], rows: [], unreadable, fileErrors: [`the file is not readable as CSV: ${reason}`], warnings: [] };
  }

  const [header, ...data] = records;
  if (!header) {
    return { columns: [], rows: [], unreadable, fileErrors: ['the file is empty: expected a header row naming the columns'], warnings: [] };
  }

  const columns = header.record.map(normalizeHeader);
  const fileErrors: string[] = [];
  const warnings: string[] = [];

  const repeated = [...new Set(columns.filter((column, index) => columns.indexOf(column) !== index))];
  if (repeated.length > 0) fileErrors.push(`the header names these columns more than once: ${repeated.join(', ')}`);

  const missing = REQUIRED_COLUMNS.filter((column) => !columns.includes(column));
  if (missing.length > 0) fileErrors.push(`the header lacks these required columns: ${missing.join(', ')}`);

  const used = columns.map((column) => isStandardColumn(column) || isCustomColumn(column));
  columns.forEach((column, index) => {
    if (!used[index]) warnings.push(`column "${header.record[index] ?? column}" is not a known column and is ignored`);
  });

  const rows = data.map(({ record, raw, info }): HrCsvRow => {
    const values: Record<string, string> = {};
    columns.forEach((column, index) => {
      if (used[index]) values[column] = record[index] ?? '';
    });
    const shapeProblems =
      record.length === columns.length ? [] : [`the row has ${record.length} fields but the header has ${columns.length}`];
    return { line: firstLineOf(info.lines, raw), values, shapeProblems };
  });

  return { columns: columns.filter((_, index) => used[index]), rows, unreadable, fileErrors, warnings };
}
