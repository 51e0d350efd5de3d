import type { HrImportWarning } from '../../hr-inputs/csv';
import type { HrChangeKind } from '../domain';

/** What correcting a rejected record did, for the caller to show (CLI, GraphQL). */
export interface HrImportCorrectionOutcome {
  readonly runId: string;
  readonly line: number;
  readonly employeeNumber: string;
  /** applied: the corrected record changed its identity; unchanged: the directory already held it. */
  readonly result: 'applied' | 'unchanged';
  readonly changes: readonly HrChangeKind[];
  /** Accepted but worth a look, as for an import (a manager not known yet). */
  readonly warnings: readonly HrImportWarning[];
}
