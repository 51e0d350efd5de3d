import type { HrRecord } from '../../domain/hr-record';
import { isInPopulation, type CurrentIdentities, type CurrentIdentity } from './current-identities';
import { fieldChanges, movedAttributes } from './field-changes';
import type { HrChangeSet, HrFieldChange, HrHire, HrLeave, HrMove, HrRehire, HrUpdate } from './hr-change-set';
import { describeTermination, terminationOf } from './termination';

export interface HrDiffOptions {
  /** The import's date (YYYY-MM-DD): termination dates up to it are immediate, later ones scheduled. */
  readonly asOf: string;
  /**
   * The file lists everyone employed: people in the population (pre-hire, active, on leave) who are
   * missing from it become leavers. Without it, missing people are left untouched.
   */
  readonly complete?: boolean;
  /**
   * Employee numbers present in the file but not among `records` (their rows were rejected): never
   * treated as missing. Pass `HrCsvImportResult.employeeNumbersInFile`.
   */
  readonly presentInFile?: ReadonlySet<string>;
}

export const MISSING_FROM_COMPLETE_FILE = 'missing from a complete HR file';

/**
 * The real changes between accepted HR records and the current identities. Pure: sending the same
 * file twice yields an empty change set the second time.
 */
export function diffHrRecords(records: readonly HrRecord[], current: CurrentIdentities, options: HrDiffOptions): HrChangeSet {
  const hires: HrHire[] = [];
  const rehires: HrRehire[] = [];
  const movers: HrMove[] = [];
  const updates: HrUpdate[] = [];
  const leavers: HrLeave[] = [];

  for (const record of records) {
    const { employeeNumber } = record;
    const known = current.get(employeeNumber);
    const termination = terminationOf(record, options.asOf);
    const leavesNow = termination !== null && !termination.scheduled;

    if (!known || !isInPopulation(known.status)) {
      // Someone who left (or never joined) and is still gone in the file: nothing to do.
      if (leavesNow) continue;
      if (known) rehires.push({ employeeNumber, record, previous: known.record });
      else hires.push({ employeeNumber, record });
      continue;
    }

    if (terminationChanged(known, record) && termination) {
      leavers.push({
        employeeNumber,
        cause: termination.cause,
        reason: describeTermination(termination),
        effectiveDate: termination.effectiveDate,
        scheduled: termination.scheduled,
        record,
      });
    }
    // Other changes to someone leaving now are moot: a terminated identity changes only by rehire.
    if (leavesNow) continue;

    const changes: HrFieldChange[] = fieldChanges(known.record, record);
    if (termination === null && known.record.terminationDate !== null) {
      changes.push({ field: 'terminationDate', before: known.record.terminationDate, after: null });
    }
    const moved = movedAttributes(changes);
    if (moved.length > 0) movers.push({ employeeNumber, record, moved, changes });
    else if (changes.length > 0) updates.push({ employeeNumber, record, changes });
  }

  if (options.complete) leavers.push(...missingPeople(records, current, options));

  return { hires, rehires, movers, updates, leavers };
}

function terminationChanged(known: CurrentIdentity, record: HrRecord): boolean {
  return known.record.active !== record.active || known.record.terminationDate !== record.terminationDate;
}

function missingPeople(records: readonly HrRecord[], current: CurrentIdentities, options: HrDiffOptions): HrLeave[] {
  const inFile = new Set([...records.map((record) => record.employeeNumber), ...(options.presentInFile ?? [])]);
  const missing: HrLeave[] = [];
  for (const [employeeNumber, identity] of current) {
    if (!isInPopulation(identity.status) || inFile.has(employeeNumber)) continue;
    missing.push({
      employeeNumber,
      cause: 'missing-from-complete-file',
      reason: MISSING_FROM_COMPLETE_FILE,
      effectiveDate: options.asOf,
      scheduled: false,
      record: null,
    });
  }
  return missing;
}
