import type { DomainEvent } from '@tenure/event-sourcing';
import type { MassChangeDecision } from '../../hr-inputs/change-guard';
import type { HrChangeSet } from '../../hr-inputs/csv';
import { assertNever } from '../../domain/identity/assert-never';
import { EMPTY_QUARANTINE, withCorrected, withRejected, withUnnamedErased, type Quarantine } from './hr-import-quarantine';

// An HR import run: one file (or upload) from arrival to its outcome. Plain, JSON-serialisable data.
// Identity changes themselves are identity events (their source names the run); the run records what
// an administrator needs around them: rejected rows, held change sets, decisions and failures.

/** How the file reached the service. */
export type HrImportChannel = 'cli' | 'upload' | 'demo' | 'benchmark';

/** Applied or failed changes, by kind; `rejected` counts rows refused before any change was decided. */
export interface HrImportCounts {
  readonly hires: number;
  readonly rehires: number;
  readonly movers: number;
  readonly updates: number;
  readonly leavers: number;
  readonly failed: number;
  readonly rejected: number;
}

export type HrChangeKind = 'hire' | 'rehire' | 'mover' | 'update' | 'leaver';

export type HrImportStarted = DomainEvent<
  'HrImportStarted',
  {
    readonly runId: string;
    readonly fileName: string;
    /** The file claims to list everyone employed: people missing from it are leavers (subject to the guard). */
    readonly complete: boolean;
    /** Data rows in the file (accepted and rejected). */
    readonly rows: number;
    readonly channel: HrImportChannel;
    /** The import's date (YYYY-MM-DD): termination dates up to it are immediate. */
    readonly asOf: string;
    readonly startedAt: string;
  }
>;

/** The whole file was refused (no header, missing or repeated columns): nothing was read from it. */
export type HrImportRefused = DomainEvent<'HrImportRefused', { readonly runId: string; readonly errors: readonly string[] }>;

/** A row was not accepted; its raw values are kept so it can be corrected and sent again. */
export type HrImportRecordRejected = DomainEvent<
  'HrImportRecordRejected',
  {
    readonly runId: string;
    readonly line: number;
    readonly employeeNumber: string | null;
    readonly raw: Readonly<Record<string, string>>;
    readonly errors: readonly string[];
  }
>;

/** The change set looked like a broken file: kept whole (so it can be confirmed after a restart), nothing applied. */
export type HrImportChangesHeld = DomainEvent<
  'HrImportChangesHeld',
  {
    readonly runId: string;
    readonly reasons: readonly string[];
    readonly measures: MassChangeDecision['measures'];
    readonly population: number;
    /** How many changes of each kind the held set holds. */
    readonly summary: Readonly<Record<HrChangeKind, number>>;
    readonly changeSet: HrChangeSet;
  }
>;

export type HrImportChangesConfirmed = DomainEvent<
  'HrImportChangesConfirmed',
  { readonly runId: string; readonly by: string; readonly confirmedAt: string }
>;

export type HrImportChangesDiscarded = DomainEvent<
  'HrImportChangesDiscarded',
  { readonly runId: string; readonly by: string; readonly reason: string; readonly discardedAt: string }
>;

/** An accepted record whose change the identity refused (a manager cycle, a terminated identity...). */
export type HrImportRecordFailed = DomainEvent<
  'HrImportRecordFailed',
  {
    readonly runId: string;
    readonly employeeNumber: string;
    readonly kind: HrChangeKind;
    readonly code: string;
    readonly error: string;
  }
>;

/**
 * An administrator corrected a rejected record and the corrected record went through: applied to its
 * identity (`changes` says as what) or `unchanged` (the directory already held it). The run's counts stay
 * those of the file. A record is corrected once; a correction that is still invalid or that the identity
 * refuses is not recorded, so the record stays rejected and can be corrected again.
 */
export type HrImportRecordCorrected = DomainEvent<
  'HrImportRecordCorrected',
  {
    readonly runId: string;
    readonly line: number;
    /** The corrected record's; may differ from the rejected one's only when that had none or a duplicated one. */
    readonly employeeNumber: string;
    /** The corrected full row by column, as validated and applied. */
    readonly raw: Readonly<Record<string, string>>;
    readonly by: string;
    readonly correctedAt: string;
    readonly result: 'applied' | 'unchanged';
    /** What the applied record changed (empty when unchanged). */
    readonly changes: readonly HrChangeKind[];
  }
>;

export type HrImportCompleted = DomainEvent<
  'HrImportCompleted',
  { readonly runId: string; readonly counts: HrImportCounts; readonly completedAt: string }
>;

/**
 * The run's rejected rows that name nobody (no employee number) were erased: their values were sealed
 * under the run's own key, which is destroyed right after this event (docs/personal-data.md). Holds no
 * personal data: the line numbers, why (the retention period ran out, or an administrator's legal request),
 * who and when.
 */
export type HrImportUnnamedRowsErased = DomainEvent<
  'HrImportUnnamedRowsErased',
  {
    readonly runId: string;
    readonly reason: HrImportUnnamedRowsErasureReason;
    /** The administrator's legal request; absent for the retention period. */
    readonly legalReference?: string;
    /** The lines of the rejected rows erased, in file order. */
    readonly lines: readonly number[];
    readonly erasedAt: string;
    readonly by: string;
  }
>;

export type HrImportUnnamedRowsErasureReason = 'retention' | 'administrator';

export type HrImportEvent =
  | HrImportStarted
  | HrImportRefused
  | HrImportRecordRejected
  | HrImportChangesHeld
  | HrImportChangesConfirmed
  | HrImportChangesDiscarded
  | HrImportRecordFailed
  | HrImportCompleted
  | HrImportRecordCorrected
  | HrImportUnnamedRowsErased;

// ---------------------------------------------------------------- state

/**
 * not-started → open → (held → confirmed | discarded) → completed; open → completed; started → refused.
 * `open` means the change set is being applied straight away; `confirmed` means an administrator
 * released a held one and it is being applied. Every status but refused keeps the run's quarantine:
 * its rejected records can be corrected whatever became of the rest of the file.
 */
export type HrImportState =
  | { readonly status: 'not-started' }
  | { readonly status: 'refused'; readonly runId: string }
  | { readonly status: 'open'; readonly runId: string; readonly quarantine: Quarantine }
  | { readonly status: 'held'; readonly runId: string; readonly quarantine: Quarantine; readonly changeSet: HrChangeSet }
  | { readonly status: 'confirmed'; readonly runId: string; readonly quarantine: Quarantine; readonly changeSet: HrChangeSet }
  | { readonly status: 'discarded'; readonly runId: string; readonly quarantine: Quarantine }
  | { readonly status: 'completed'; readonly runId: string; readonly quarantine: Quarantine; readonly counts: HrImportCounts };

export type HrImportStatus = HrImportState['status'];

/** A run that can hold rejected records (every started run but a refused one). */
export type HrImportStateWithQuarantine = Extract<HrImportState, { readonly quarantine: Quarantine }>;

export function hasQuarantine(state: HrImportState): state is HrImportStateWithQuarantine {
  return 'quarantine' in state;
}

export function initialState(): HrImportState {
  return { status: 'not-started' };
}

export function evolve(state: HrImportState, event: HrImportEvent): HrImportState {
  switch (event.type) {
    case 'HrImportStarted':
      return { status: 'open', runId: event.data.runId, quarantine: EMPTY_QUARANTINE };
    case 'HrImportRefused':
      return { status: 'refused', runId: event.data.runId };
    case 'HrImportRecordRejected': {
      const { line, employeeNumber, raw } = event.data;
      return state.status === 'open' ? { ...state, quarantine: withRejected(state.quarantine, { line, employeeNumber, raw }) } : state;
    }
    case 'HrImportChangesHeld':
      return state.status === 'open'
        ? { status: 'held', runId: state.runId, quarantine: state.quarantine, changeSet: event.data.changeSet }
        : state;
    case 'HrImportChangesConfirmed':
      return state.status === 'held' ? { ...state, status: 'confirmed' } : state;
    case 'HrImportChangesDiscarded':
      return state.status === 'held' ? { status: 'discarded', runId: state.runId, quarantine: state.quarantine } : state;
    case 'HrImportRecordFailed':
      return state;
    case 'HrImportCompleted':
      return {
        status: 'completed',
        runId: event.data.runId,
        quarantine: hasQuarantine(state) ? state.quarantine : EMPTY_QUARANTINE,
        counts: event.data.counts,
      };
    case 'HrImportRecordCorrected':
      return hasQuarantine(state)
        ? { ...state, quarantine: withCorrected(state.quarantine, event.data.line, event.data.employeeNumber) }
        : state;
    case 'HrImportUnnamedRowsErased':
      return hasQuarantine(state) ? { ...state, quarantine: withUnnamedErased(state.quarantine) } : state;
    default:
      return assertNever(event);
  }
}
