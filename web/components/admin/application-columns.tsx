import { formatDuration } from '@/components/admin/format';
import layout from '@/components/admin/layout.module.css';
import { StatusBadge, type DataTableColumn } from '@/components/ui';
import { formatDateTime, humanize } from '@/lib/format';
import type { Drift, ManualTask, Operation, ReconciliationRun } from '@/app/admin/applications/queries';

// The columns of the application page's lists: reconciliation runs, drift, dead letters and manual tasks.

const DRIFT_KINDS: Record<string, string> = {
  ORPHANED_ACCOUNT: 'Orphaned account',
  GRANT_OUTSIDE_TENURE: 'Grant outside Tenure',
  MISSING_GRANT: 'Missing grant',
  ATTRIBUTE_DRIFT: 'Attribute drift',
};

export const runColumns: DataTableColumn<ReconciliationRun>[] = [
  { header: 'Status', cell: (run) => <StatusBadge status={run.status} /> },
  {
    header: 'Started',
    cell: (run) => (
      <div className={layout.lines}>
        <span>{formatDateTime(run.startedAt)}</span>
        <span className="muted">
          {humanize(run.trigger)} · {run.startedBy}
        </span>
      </div>
    ),
  },
  { header: 'Took', cell: (run) => (run.durationMs !== null ? formatDuration(run.durationMs) : <span className="muted">running</span>) },
  {
    header: 'Found',
    cell: (run) => (
      <div className={layout.lines}>
        <span>
          {run.accountsSeen ?? '—'} accounts, {run.grantsSeen ?? '—'} grants; {run.driftFound} drift
          {run.newDrift !== null ? ` (${run.newDrift} new)` : ''}
        </span>
        {run.driftByKind ? (
          <span className="muted">
            {run.driftByKind.orphanedAccounts} orphaned, {run.driftByKind.grantsOutsideTenure} outside Tenure,{' '}
            {run.driftByKind.missingGrants} missing, {run.driftByKind.attributeDrift} attributes
          </span>
        ) : null}
        {run.error ? (
          <span className="field__error">
            {run.error.kind}: {run.error.message}
          </span>
        ) : null}
      </div>
    ),
  },
];

export const driftColumns: DataTableColumn<Drift>[] = [
  {
    header: 'Account',
    cell: (drift) => (
      <div className={layout.lines}>
        <strong>{drift.userName}</strong>
        <span className="muted">{drift.employeeNumber ? `identity ${drift.employeeNumber}` : 'no identity'}</span>
      </div>
    ),
  },
  {
    header: 'Kind',
    cell: (drift) => (DRIFT_KINDS[drift.kind] ?? humanize(drift.kind)) + (drift.entitlementKey ? `: ${drift.entitlementKey}` : ''),
  },
  { header: 'Status', cell: (drift) => <StatusBadge status={drift.status} /> },
  {
    header: 'Why',
    cell: (drift) => (
      <div className={layout.lines}>
        <span>{drift.reason}</span>
        <span className="muted">
          {drift.policyDecision} · seen {formatDateTime(drift.firstSeenAt)} – {formatDateTime(drift.lastSeenAt)}
        </span>
      </div>
    ),
  },
];

export const operationColumns: DataTableColumn<Operation>[] = [
  {
    header: 'Operation',
    cell: (operation) => (
      <div className={layout.lines}>
        <strong>
          {humanize(operation.action)}
          {operation.entitlementKey ? ` ${operation.entitlementKey}` : ''}
        </strong>
        <span className="muted">{operation.id}</span>
      </div>
    ),
  },
  {
    header: 'For',
    cell: (operation) => operation.identity?.displayName ?? operation.userName ?? <span className="muted">no identity</span>,
  },
  {
    header: 'Last error',
    cell: (operation) =>
      operation.lastError ? (
        <span>
          {operation.lastError.kind}: {operation.lastError.message}{' '}
          <span className="muted">({formatDateTime(operation.lastError.at)})</span>
        </span>
      ) : (
        '—'
      ),
  },
  { header: 'Attempts', cell: (operation) => `${operation.attempts} · ${humanize(operation.priority).toLowerCase()}` },
];

export const taskColumns: DataTableColumn<ManualTask>[] = [
  {
    header: 'Task',
    cell: (task) => (
      <div className={layout.lines}>
        <strong>
          {humanize(task.action)}
          {task.entitlementKey ? ` ${task.entitlementKey}` : ''}
        </strong>
        <span>{task.instructions}</span>
      </div>
    ),
  },
  { header: 'For', cell: (task) => task.identity?.displayName ?? task.userName ?? '—' },
  {
    header: 'Due',
    cell: (task) => (
      <span>
        {formatDateTime(task.dueAt)} {task.overdue ? <StatusBadge status="OVERDUE" label="Overdue" tone="danger" /> : null}
      </span>
    ),
  },
];
