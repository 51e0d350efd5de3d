import { DomainError, type ErrorCode } from '@tenure/event-sourcing';
import { assertNever } from '../../domain/identity/assert-never';
import { describeRow } from '../../hr-inputs/csv/hr-csv-row-schema';
import { illegal } from './hr-import-errors';
import { findQuarantined, quarantinedRecords, type Quarantine, type QuarantinedRecord } from './hr-import-quarantine';
import { hasQuarantine, type HrChangeKind, type HrImportEvent, type HrImportState } from './hr-import.events';

/** What applying a corrected record did. Only `applied` and `unchanged` are recorded. */
export type HrRecordCorrectionOutcome =
  | { readonly result: 'applied'; readonly changes: readonly HrChangeKind[] }
  | { readonly result: 'unchanged' }
  | { readonly result: 'failed'; readonly code: ErrorCode; readonly error: string };

export interface HrRecordCorrection {
  readonly line: number;
  /** The corrected full row by column: the rejected row's raw values with the administrator's values over them. */
  readonly raw: Readonly<Record<string, string>>;
  /** What validating `raw` as a row of the file found, each naming the field and the problem. */
  readonly problems: readonly string[];
}

/** Records an administrator's correction of a rejected record, once its corrected record was applied. */
export interface CorrectHrImportRecord {
  readonly type: 'CorrectHrImportRecord';
  readonly data: HrRecordCorrection & { readonly by: string; readonly now: Date; readonly outcome: HrRecordCorrectionOutcome };
}

export interface RecordToCorrect {
  readonly runId: string;
  readonly record: QuarantinedRecord;
  readonly quarantine: Quarantine;
}

/** The rejected record at `line`, when the run has one not corrected yet; throws otherwise. */
export function recordToCorrect(state: HrImportState, line: number): RecordToCorrect {
  const doing = `correcting line ${line}`;
  if (!hasQuarantine(state)) throw illegal(state, doing, 'a refused file has no rejected record; send the file again');
  const { runId, quarantine } = state;
  const record = findQuarantined(quarantine, line);
  if (!record) throw new DomainError('not_found', `HR import ${runId} has no rejected record at line ${line}`, { runId, line });
  if (record.employeeNumber === null && quarantine.unnamedErased) {
    // Its values now read as erased: a correction would apply the marker instead of the person's data.
    throw new DomainError(
      'illegal_state',
      `HR import ${runId}, ${nameOf(record, line)} was erased with the run's rows that name nobody, so it cannot be corrected: send the person in the next HR file`,
      { runId, line },
    );
  }
  if (quarantine.corrected.has(line)) {
    throw new DomainError(
      'illegal_state',
      `HR import ${runId}, ${nameOf(record, line)} was already corrected: a record is corrected once; send later changes in the next HR file`,
      { runId, line, employeeNumber: record.employeeNumber },
    );
  }
  return { runId, record, quarantine };
}

/**
 * Refuses a correction that cannot be recorded whatever applying it would do: the record is not there or
 * already corrected, or the corrected row is invalid (the validation's problems and the employee number
 * rules below). Checked before the corrected record is applied, and again when the correction is recorded.
 */
export function checkCorrection(state: HrImportState, correction: HrRecordCorrection): RecordToCorrect {
  const found = recordToCorrect(state, correction.line);
  const problems = [...correction.problems, ...employeeNumberProblems(found.quarantine, found.record, employeeNumberOf(correction.raw))];
  if (problems.length > 0) {
    throw new DomainError(
      'validation',
      `HR import ${found.runId}, ${nameOf(found.record, correction.line, correction.raw)}: the correction is not valid, so the record stays rejected: ${problems.join('; ')}`,
      { runId: found.runId, line: correction.line, employeeNumber: found.record.employeeNumber, problems },
    );
  }
  return found;
}

export function decideCorrection(data: CorrectHrImportRecord['data'], state: HrImportState): readonly HrImportEvent[] {
  const { runId, record } = checkCorrection(state, data);
  const { line, raw, by, now, outcome } = data;
  const employeeNumber = employeeNumberOf(raw);
  switch (outcome.result) {
    case 'failed':
      // Not recorded: the record stays rejected, so it can be corrected again once the refusal is dealt with.
      throw new DomainError(
        outcome.code,
        `HR import ${runId}, ${nameOf(record, line, raw)}: the corrected record was refused, so the record stays rejected: ${outcome.error}`,
        { runId, line, employeeNumber },
      );
    case 'applied':
    case 'unchanged':
      return [
        {
          type: 'HrImportRecordCorrected',
          data: {
            runId,
            line,
            employeeNumber,
            raw,
            by,
            correctedAt: now.toISOString(),
            result: outcome.result,
            changes: outcome.result === 'applied' ? outcome.changes : [],
          },
        },
      ];
    default:
      return assertNever(outcome);
  }
}

/**
 * A correction fixes its record; it does not speak for another person. Its employee number stays the
 * rejected record's unless that record had none, or shared it with another rejected line of the file (a
 * duplicate: one of the lines carried a wrong number). And two lines of a run never become the same person.
 */
function employeeNumberProblems(quarantine: Quarantine, record: QuarantinedRecord, corrected: string): string[] {
  if (corrected === '') return []; // the validation already says it is required
  const problems: string[] = [];
  const original = record.employeeNumber;
  if (original !== null && corrected !== original && !isDuplicated(quarantine, record)) {
    problems.push(
      `employee_number "${corrected}" is not the rejected record's "${original}": only a missing or duplicated employee number can be corrected; another person goes in the next HR file`,
    );
  }
  for (const [line, employeeNumber] of quarantine.corrected) {
    if (employeeNumber === corrected && line !== record.line) {
      problems.push(`employee_number "${corrected}" was already corrected on line ${line} of this file: each person appears once`);
    }
  }
  return problems;
}

function isDuplicated(quarantine: Quarantine, record: QuarantinedRecord): boolean {
  for (const other of quarantinedRecords(quarantine)) {
    if (other.line !== record.line && other.employeeNumber === record.employeeNumber) return true;
  }
  return false;
}

export function employeeNumberOf(raw: Readonly<Record<string, string>>): string {
  return raw['employee_number']?.trim() ?? '';
}

/** "line 4 (employee 2002)": the rejected record's number, or the corrected one when it had none. */
function nameOf(record: QuarantinedRecord, line: number, raw?: Readonly<Record<string, string>>): string {
  return describeRow(line, record.employeeNumber ?? (raw ? employeeNumberOf(raw) : undefined));
}
