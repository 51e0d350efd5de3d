import { formatDateTime } from '@/lib/format';
import { EraseUnnamedRowsForm } from './EraseUnnamedRowsForm';
import type { HrImportRun } from './queries';
import { unnamedRowsState } from './unnamed-rows';

export interface UnnamedRowsProps {
  run: HrImportRun;
  /** Administrators may erase the rows at once (eraseHrImportUnnamedRows). */
  canErase: boolean;
  /** The page of runs shown, to come back to after an erasure. */
  after: string | undefined;
}

/**
 * A run's rejected rows without an employee number: when they were erased, or how long they stay readable
 * and, for an administrator, the form that erases them now. The API does not expose the retention period's
 * length, so the help names its setting.
 */
export function UnnamedRows({ run, canErase, after }: UnnamedRowsProps) {
  const state = unnamedRowsState(run);
  if (state.kind === 'none') return null;
  if (state.kind === 'erased') return <p>Rows that name nobody erased on {formatDateTime(state.at)}.</p>;
  return (
    <div className="stack">
      <p className="muted">
        {state.count} rejected {state.count === 1 ? 'row names' : 'rows name'} nobody (no employee number): erased automatically after the
        retention period (HR_IMPORT_UNNAMED_ROWS_RETENTION_DAYS) once the run has ended.
      </p>
      {canErase ? (
        <details>
          <summary>Erase rows that name nobody</summary>
          <EraseUnnamedRowsForm runId={run.id} fileName={run.fileName} after={after} />
        </details>
      ) : null}
    </div>
  );
}
