import type { Metadata } from 'next';
import { ApiGap } from '@/components/admin/ApiGap';
import { HoldDecisionForm } from '@/components/admin/HoldDecisionForm';
import { ReadersOnly } from '@/components/admin/ReadersOnly';
import { isAdministrator, readsEverything } from '@/components/admin/roles';
import { param } from '@/components/admin/search-params';
import { DataTable, EmptyState, ErrorNotice, PageHeader, StatusBadge, type DataTableColumn } from '@/components/ui';
import { formatDateTime, humanize } from '@/lib/format';
import { GraphqlRequestError } from '@/lib/graphql';
import { hrefWith } from '@/lib/paging';
import { requireSession } from '@/lib/session';
import { hrImportsView, type HrFeedHold, type HrImportRun, type HrImportsView } from './queries';
import { UnnamedRows } from './UnnamedRows';
import layout from '@/components/admin/layout.module.css';

export const metadata: Metadata = { title: 'HR imports' };

type SearchParams = Record<string, string | string[] | undefined>;

export default async function HrImportsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const session = await requireSession();
  if (!readsEverything(session)) return <ReadersOnly title="HR imports" />;
  const params = await searchParams;
  const after = param(params, 'after');
  const header = (
    <PageHeader
      title="HR imports"
      description="HR files and live feeds: what each run applied, the records it refused, and mass changes held until an administrator decides."
    />
  );

  let view: HrImportsView;
  try {
    view = await hrImportsView(after);
  } catch (error) {
    if (!(error instanceof GraphqlRequestError)) throw error;
    return (
      <>
        {header}
        <ErrorNotice title="HR imports could not be loaded" error={error} />
      </>
    );
  }
  const canDecide = isAdministrator(session);

  return (
    <>
      {header}
      <DecidedNotice params={params} />
      <UnnamedRowsErasedNotice params={params} runs={view.runs} />

      <section className="stack" aria-labelledby="held-title">
        <h2 id="held-title">Held for a decision ({view.held.length + view.heldBursts.length})</h2>
        {view.held.length === 0 && view.heldBursts.length === 0 ? (
          <EmptyState title="Nothing is held.">
            When an import or a live feed would terminate or move too many people at once, it waits here.
          </EmptyState>
        ) : null}
        {view.held.map((run) => (
          <article key={run.id} className="panel stack" aria-labelledby={`held-run-${run.id}`}>
            <h3 id={`held-run-${run.id}`}>
              File {run.fileName} <StatusBadge status={run.status} />
            </h3>
            <p className="muted">
              Started {formatDateTime(run.startedAt)} · {run.counts.rows} rows, {run.counts.accepted} accepted, {run.counts.rejected}{' '}
              rejected
              {run.complete ? ' · complete file (people missing from it leave)' : ''}
            </p>
            <ul>
              {run.heldReasons.map((reason) => (
                <li key={reason}>{reason}</li>
              ))}
            </ul>
            <ApiGap title="Which changes are held is not shown">
              The API gives a held run’s reasons but not the changes it holds (who would leave or move); compare the file with the directory
              before confirming.
            </ApiGap>
            {canDecide ? <HoldDecisionForm kind="import" id={run.id} subject={`held import of ${run.fileName}`} /> : null}
          </article>
        ))}
        {view.heldBursts.map((hold) => (
          <article key={hold.id} className="panel stack" aria-labelledby={`held-burst-${hold.id}`}>
            <h3 id={`held-burst-${hold.id}`}>
              {hold.channel} feed burst of {hold.changeCount} change(s) <StatusBadge status={hold.status} />
            </h3>
            <p className="muted">
              Held {formatDateTime(hold.heldAt)} · counted since {formatDateTime(hold.windowStart)} · {hold.population} identities at the
              time
            </p>
            <ul>
              {hold.reasons.map((reason) => (
                <li key={reason}>{reason}</li>
              ))}
            </ul>
            <BurstChanges hold={hold} />
            {canDecide ? (
              <HoldDecisionForm kind="burst" id={hold.id} subject={`held ${hold.channel} burst of ${hold.changeCount} changes`} />
            ) : null}
          </article>
        ))}
      </section>

      <section className="stack" aria-labelledby="runs-title">
        <h2 id="runs-title">Import runs</h2>
        <DataTable
          caption="Import runs, newest first"
          columns={runColumns}
          rows={view.runs}
          rowKey={(run) => run.id}
          rowDetails={(run) =>
            hasProblems(run) ? (
              <div className="stack">
                <RunProblems run={run} />
                <UnnamedRows run={run} canErase={canDecide} after={after} />
              </div>
            ) : null
          }
          empty={<EmptyState title="No HR file has been imported yet." />}
          paging={{
            kind: 'cursor',
            nextHref:
              view.pageInfo.hasNextPage && view.pageInfo.endCursor
                ? hrefWith('/admin/hr-imports', {}, { after: view.pageInfo.endCursor })
                : null,
            firstHref: after ? '/admin/hr-imports' : null,
          }}
        />
      </section>

      <section className="stack" aria-labelledby="bursts-title">
        <h2 id="bursts-title">Decided feed bursts</h2>
        <DataTable
          caption="HR feed bursts already decided, newest first"
          columns={burstColumns}
          rows={view.recentBursts}
          rowKey={(hold) => hold.id}
          rowDetails={(hold) => <BurstChanges hold={hold} />}
          empty={<EmptyState title="No live feed burst has been held." />}
        />
      </section>
    </>
  );
}

function DecidedNotice({ params }: { params: SearchParams }) {
  const decided = param(params, 'decided');
  if (!decided) return null;
  const status = param(params, 'status');
  return (
    <p className="notice notice--success" role="status">
      {param(params, 'kind') === 'burst' ? 'Feed burst' : 'Import run'} {decided} is now{' '}
      {status ? humanize(status).toLowerCase() : 'decided'}.
    </p>
  );
}

function UnnamedRowsErasedNotice({ params, runs }: { params: SearchParams; runs: HrImportRun[] }) {
  const runId = param(params, 'unnamedRowsErased');
  if (!runId) return null;
  const fileName = runs.find((run) => run.id === runId)?.fileName;
  return (
    <p className="notice notice--success" role="status">
      Erased: the rejected rows of {fileName ? `file ${fileName}` : `import run ${runId}`} that name nobody now read [erased].
    </p>
  );
}

const runColumns: DataTableColumn<HrImportRun>[] = [
  {
    header: 'File',
    cell: (run) => (
      <div className={layout.lines}>
        <strong>{run.fileName}</strong>
        <span className="muted">{run.complete ? 'complete file' : 'changes only'}</span>
      </div>
    ),
  },
  { header: 'Status', cell: (run) => <StatusBadge status={run.status} /> },
  {
    header: 'When',
    cell: (run) => (
      <div className={layout.lines}>
        <span>{formatDateTime(run.startedAt)}</span>
        {run.completedAt ? <span className="muted">done {formatDateTime(run.completedAt)}</span> : null}
        {run.decidedBy ? <span className="muted">decided by {run.decidedBy}</span> : null}
      </div>
    ),
  },
  {
    header: 'Applied',
    cell: ({ counts }) => (
      <span>
        {counts.hires} hires, {counts.rehires} rehires, {counts.movers} movers, {counts.updates} updates, {counts.leavers} leavers
      </span>
    ),
  },
  {
    header: 'Problems',
    cell: ({ counts }) => (
      <span>
        {counts.rejected} rejected{counts.corrected > 0 ? ` (${counts.corrected} corrected)` : ''}, {counts.failed} failed of {counts.rows}{' '}
        rows
      </span>
    ),
  },
];

function hasProblems(run: HrImportRun): boolean {
  return run.fileErrors.length > 0 || run.rejectedRecords.length > 0 || run.failedChanges.length > 0 || Boolean(run.discardReason);
}

function RunProblems({ run }: { run: HrImportRun }) {
  return (
    <details>
      <summary>
        Errors of {run.fileName} ({run.fileErrors.length + run.rejectedRecords.length + run.failedChanges.length})
      </summary>
      {run.discardReason ? <p>Discarded: {run.discardReason}</p> : null}
      <ul>
        {run.fileErrors.map((error) => (
          <li key={error}>File: {error}</li>
        ))}
        {run.rejectedRecords.map((record) => (
          <li key={`line-${record.line ?? record.employeeNumber ?? ''}-${record.errors.join()}`}>
            Line {record.line ?? '?'}
            {record.employeeNumber ? ` (${record.employeeNumber})` : ''}: {record.errors.join('; ')}
            {record.corrected ? (
              <span className="muted"> — corrected{record.correctionResult ? `, ${record.correctionResult}` : ''}</span>
            ) : null}
          </li>
        ))}
        {run.failedChanges.map((change) => (
          <li key={`failed-${change.employeeNumber ?? ''}-${change.error}`}>
            Refused change{change.employeeNumber ? ` of ${change.employeeNumber}` : ''}: {change.error}
          </li>
        ))}
      </ul>
    </details>
  );
}

const burstColumns: DataTableColumn<HrFeedHold>[] = [
  { header: 'Feed', cell: (hold) => hold.channel },
  { header: 'Status', cell: (hold) => <StatusBadge status={hold.status} /> },
  { header: 'Held', cell: (hold) => formatDateTime(hold.heldAt) },
  {
    header: 'Decision',
    cell: (hold) => (
      <div className={layout.lines}>
        <span>
          {hold.decidedBy ?? '—'} · {formatDateTime(hold.decidedAt)}
        </span>
        {hold.discardReason ? <span className="muted">“{hold.discardReason}”</span> : null}
        {hold.applied !== null ? (
          <span className="muted">
            {hold.applied} applied{hold.failures.length > 0 ? `, ${hold.failures.length} refused` : ''}
          </span>
        ) : null}
      </div>
    ),
  },
];

function BurstChanges({ hold }: { hold: HrFeedHold }) {
  return (
    <details>
      <summary>
        The {hold.changes.length} change(s) held{hold.failures.length > 0 ? ` and ${hold.failures.length} refusal(s)` : ''}
      </summary>
      <ol>
        {hold.changes.map((change) => (
          <li key={`${change.correlationId}-${change.employeeNumber}`}>
            {change.employeeNumber}: {change.description}
            <span className="muted">
              {' '}
              · {formatDateTime(change.receivedAt)} · {change.correlationId}
            </span>
          </li>
        ))}
      </ol>
      {hold.failures.length > 0 ? (
        <ul>
          {hold.failures.map((failure) => (
            <li key={`${failure.employeeNumber}-${failure.code}`}>
              {failure.employeeNumber}: {failure.error} ({failure.code})
            </li>
          ))}
        </ul>
      ) : null}
    </details>
  );
}
