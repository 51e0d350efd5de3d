import type { HrImportRun } from './queries';

/** What an administrator types to confirm the erasure of a run's rows that name nobody (kept here, free of zod, for the client form). */
export const UNNAMED_ROWS_CONFIRMATION = 'ERASE';

/**
 * Where a run stands with its rejected rows that name nobody (no employee number, docs/personal-data.md):
 * none to speak of, erased (by the retention period or on request), or still readable and erasable.
 */
export type UnnamedRowsState = { kind: 'none' } | { kind: 'erased'; at: string } | { kind: 'readable'; count: number };

export function unnamedRowsState(run: Pick<HrImportRun, 'rejectedRecords' | 'unnamedRowsErasedAt'>): UnnamedRowsState {
  // Checked first: once erased the rows are still listed (as "[erased]"), and nothing is left to erase.
  if (run.unnamedRowsErasedAt) return { kind: 'erased', at: run.unnamedRowsErasedAt };
  const count = run.rejectedRecords.filter((record) => !record.employeeNumber).length;
  return count > 0 ? { kind: 'readable', count } : { kind: 'none' };
}
