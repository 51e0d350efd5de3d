/** A rejected row as the run keeps it for correction. */
export interface QuarantinedRecord {
  readonly line: number;
  readonly employeeNumber: string | null;
  readonly raw: Readonly<Record<string, string>>;
}

interface QuarantineNode {
  readonly record: QuarantinedRecord;
  readonly older: QuarantineNode | null;
}

/**
 * A run's rejected records and which of them were corrected. The records are an immutable list,
 * newest first: folding a file whose every row was rejected then copies nothing per row (a map copied
 * on each event would make that fold quadratic). Only a correction looks a record up, walking the list.
 */
export interface Quarantine {
  readonly size: number;
  readonly newest: QuarantineNode | null;
  /** Corrected lines, with the employee number each was corrected to. */
  readonly corrected: ReadonlyMap<number, string>;
  /** The records without an employee number were erased (HrImportUnnamedRowsErased): their values read as erased. */
  readonly unnamedErased: boolean;
}

export const EMPTY_QUARANTINE: Quarantine = { size: 0, newest: null, corrected: new Map(), unnamedErased: false };

export function withRejected(quarantine: Quarantine, record: QuarantinedRecord): Quarantine {
  return { ...quarantine, size: quarantine.size + 1, newest: { record, older: quarantine.newest } };
}

export function withCorrected(quarantine: Quarantine, line: number, employeeNumber: string): Quarantine {
  return { ...quarantine, corrected: new Map([...quarantine.corrected, [line, employeeNumber]]) };
}

export function withUnnamedErased(quarantine: Quarantine): Quarantine {
  return { ...quarantine, unnamedErased: true };
}

export function* quarantinedRecords(quarantine: Quarantine): Generator<QuarantinedRecord> {
  for (let node = quarantine.newest; node !== null; node = node.older) yield node.record;
}

export function findQuarantined(quarantine: Quarantine, line: number): QuarantinedRecord | undefined {
  for (const record of quarantinedRecords(quarantine)) if (record.line === line) return record;
  return undefined;
}
