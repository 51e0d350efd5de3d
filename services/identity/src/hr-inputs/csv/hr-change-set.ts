import type { HrAttributes, HrRecord, MoverAttribute } from '../../domain/hr-record';

/** A field of an HR record that can change: an attribute, a date, or `custom.<name>`. */
export type HrField = Exclude<keyof HrAttributes, 'custom'> | 'startDate' | 'terminationDate' | `custom.${string}`;

export interface HrFieldChange {
  readonly field: HrField;
  /** Null where the field had no value (no manager, no termination date, no custom value). */
  readonly before: string | null;
  readonly after: string | null;
}

/** A person the identity service does not know yet. */
export interface HrHire {
  readonly employeeNumber: string;
  readonly record: HrRecord;
}

/** A terminated identity that the file shows employed again: a new employment, history kept. */
export interface HrRehire {
  readonly employeeNumber: string;
  readonly record: HrRecord;
  readonly previous: HrRecord;
}

/** At least one mover attribute changed; `changes` lists every changed field, mover or not. */
export interface HrMove {
  readonly employeeNumber: string;
  readonly record: HrRecord;
  readonly moved: readonly MoverAttribute[];
  readonly changes: readonly HrFieldChange[];
}

/** Fields changed, none of them a mover attribute (names, email, location, dates, custom attributes...). */
export interface HrUpdate {
  readonly employeeNumber: string;
  readonly record: HrRecord;
  readonly changes: readonly HrFieldChange[];
}

export type HrLeaveCause = 'inactive-in-file' | 'termination-date' | 'missing-from-complete-file';

export interface HrLeave {
  readonly employeeNumber: string;
  readonly cause: HrLeaveCause;
  /** Human-readable, for the identity's timeline. */
  readonly reason: string;
  /** Last day of employment (YYYY-MM-DD). */
  readonly effectiveDate: string;
  /** True when the effective date is after the import's date: the termination is scheduled, not immediate. */
  readonly scheduled: boolean;
  /** The file's record; null when the person is missing from a complete file. */
  readonly record: HrRecord | null;
}

/**
 * The real changes an HR file makes to the current identities. Someone unchanged appears nowhere.
 * A person appears at most once among hires, rehires, movers and updates, and at most once in leavers; a
 * scheduled leaver may also be a mover or updated, an immediate leaver never is (their other changes are moot).
 */
export interface HrChangeSet {
  readonly hires: readonly HrHire[];
  readonly rehires: readonly HrRehire[];
  readonly movers: readonly HrMove[];
  readonly updates: readonly HrUpdate[];
  readonly leavers: readonly HrLeave[];
}

export function isEmptyChangeSet(changes: HrChangeSet): boolean {
  return changes.hires.length + changes.rehires.length + changes.movers.length + changes.updates.length + changes.leavers.length === 0;
}
