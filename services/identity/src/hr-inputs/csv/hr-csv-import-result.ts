import type { HrRecord } from '../../domain/hr-record';

/** A row that was not accepted, with its raw values kept so it can be corrected and submitted again. */
export interface RejectedHrRow {
  readonly line: number;
  readonly employeeNumber?: string;
  /**
   * The row's values by normalized column name, as written in the file. A row the CSV reader could not
   * split into fields has a single `unparsed` entry holding its text.
   */
  readonly raw: Readonly<Record<string, string>>;
  /** Each names the record, the field and the problem: `line 14 (employee 1042): start_date "2026-13-01" is not a date (YYYY-MM-DD)`. */
  readonly errors: readonly string[];
}

/** Something accepted but worth an administrator's attention (an unknown manager, an ignored column). */
export interface HrImportWarning {
  readonly line?: number;
  readonly employeeNumber?: string;
  readonly message: string;
}

export interface HrCsvImportResult {
  /** Valid records, in file order. */
  readonly accepted: readonly HrRecord[];
  readonly rejected: readonly RejectedHrRow[];
  readonly warnings: readonly HrImportWarning[];
  /** Problems with the file as a whole (no header, missing columns): when present nothing is accepted or rejected. */
  readonly fileErrors: readonly string[];
  /**
   * Every employee number written in the file, rejected rows included: a person whose row was rejected
   * is not missing from a complete file and must not be terminated for it.
   */
  readonly employeeNumbersInFile: ReadonlySet<string>;
}
