import type { HrImportWarning, RejectedHrRow } from '../../hr-inputs/csv';
import type { HrChangeFailure, HrChangeKind, HrImportCounts } from '../domain';

/** What an import, a confirmation or a discard did, for the caller to show (CLI, GraphQL, benchmark). */
export interface HrImportOutcome {
  readonly runId: string;
  /** applied: the changes went through (some may have failed); held: waiting for an administrator. */
  readonly status: 'applied' | 'held' | 'refused' | 'discarded';
  /** Applied changes by kind, failures and rejected rows; all zero unless applied. */
  readonly counts: HrImportCounts;
  /** Rows refused before any change (only known to the call that read the file). */
  readonly rejected: readonly RejectedHrRow[];
  readonly failures: readonly HrChangeFailure[];
  readonly warnings: readonly HrImportWarning[];
  /** Why the changes are held (status `held`). */
  readonly holdReasons: readonly string[];
  /** The changes of each kind a held (or discarded) set holds. */
  readonly heldSummary: Readonly<Record<HrChangeKind, number>> | null;
  /** Why the whole file was refused (status `refused`). */
  readonly fileErrors: readonly string[];
}

export const NO_COUNTS: HrImportCounts = { hires: 0, rehires: 0, movers: 0, updates: 0, leavers: 0, failed: 0, rejected: 0 };

export function outcome(
  runId: string,
  status: HrImportOutcome['status'],
  parts: Partial<Omit<HrImportOutcome, 'runId' | 'status'>>,
): HrImportOutcome {
  return {
    runId,
    status,
    counts: NO_COUNTS,
    rejected: [],
    failures: [],
    warnings: [],
    holdReasons: [],
    heldSummary: null,
    fileErrors: [],
    ...parts,
  };
}
