import { DomainError } from '@tenure/event-sourcing';
import { illegal } from './hr-import-errors';
import { quarantinedRecords } from './hr-import-quarantine';
import { hasQuarantine, type HrImportEvent, type HrImportState, type HrImportUnnamedRowsErasureReason } from './hr-import.events';

/**
 * Erases the run's rejected rows that name nobody. Their values are sealed under the run's own key, which
 * no person's erasure destroys: the retention period (a timer) or an administrator's legal request does.
 */
export interface EraseHrImportUnnamedRows {
  readonly type: 'EraseHrImportUnnamedRows';
  readonly data: {
    readonly reason: HrImportUnnamedRowsErasureReason;
    /** Required when an administrator asks; the retention period needs none. */
    readonly legalReference?: string;
    readonly by: string;
    readonly now: Date;
  };
}

/**
 * Records HrImportUnnamedRowsErased once. Nothing is recorded when there is nothing to erase: a refused
 * file (no rows were kept), a run without unnamed rows, or one whose unnamed rows were already erased.
 */
export function decideUnnamedRowsErasure(data: EraseHrImportUnnamedRows['data'], state: HrImportState): readonly HrImportEvent[] {
  if (state.status === 'not-started') throw illegal(state, 'erasing its unnamed rows', 'only a started run has rows');
  const legalReference = data.legalReference?.trim() ?? '';
  if (data.reason === 'administrator' && legalReference === '') {
    throw new DomainError('validation', `HR import ${state.runId}: a legal reference is required to erase the rows that name nobody`, {
      runId: state.runId,
      field: 'legalReference',
    });
  }
  if (!hasQuarantine(state) || state.quarantine.unnamedErased) return [];
  const lines = [...quarantinedRecords(state.quarantine)]
    .filter((record) => record.employeeNumber === null)
    .map((record) => record.line)
    .sort((a, b) => a - b);
  if (lines.length === 0) return [];
  return [
    {
      type: 'HrImportUnnamedRowsErased',
      data: {
        runId: state.runId,
        reason: data.reason,
        ...(data.reason === 'administrator' ? { legalReference } : {}),
        lines,
        erasedAt: data.now.toISOString(),
        by: data.by,
      },
    },
  ];
}
