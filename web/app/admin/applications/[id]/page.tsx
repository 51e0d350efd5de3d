import type { Metadata } from 'next';
import Link from 'next/link';
import { connectorTypeLabel } from '@/components/admin/format';
import { driftColumns, operationColumns, runColumns, taskColumns } from '@/components/admin/application-columns';
import { HealthSummary } from '@/components/admin/HealthSummary';
import { ReadersOnly } from '@/components/admin/ReadersOnly';
import { ReconcileForm } from '@/components/admin/ReconcileForm';
import { isAdministrator, readsEverything } from '@/components/admin/roles';
import { param } from '@/components/admin/search-params';
import { DataTable, EmptyState, ErrorNotice, PageHeader, type CursorPaging } from '@/components/ui';
import { formatDateTime, humanize } from '@/lib/format';
import { GraphqlRequestError } from '@/lib/graphql';
import { hrefWith } from '@/lib/paging';
import { requireSession } from '@/lib/session';
import { applicationView, type ApplicationView, type Page } from '../queries';

export const metadata: Metadata = { title: 'Application' };

type SearchParams = Record<string, string | string[] | undefined>;

export default async function ApplicationPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const session = await requireSession();
  if (!readsEverything(session)) return <ReadersOnly title="Application" />;
  const { id } = await params;
  const query = await searchParams;
  const cursors = {
    drift: param(query, 'drift'),
    orphans: param(query, 'orphans'),
    dead: param(query, 'dead'),
    tasks: param(query, 'tasks'),
  };

  let view: ApplicationView;
  try {
    view = await applicationView(id, cursors);
  } catch (error) {
    if (!(error instanceof GraphqlRequestError)) throw error;
    return (
      <>
        <PageHeader title="Application" />
        <ErrorNotice title={`Application ${id} could not be loaded`} error={error} />
      </>
    );
  }
  const application = view.application;
  if (!application) {
    return (
      <>
        <PageHeader title="Application not found" />
        <EmptyState title={`No application is registered as ${id}.`} action={<Link href="/admin/applications">All applications</Link>} />
      </>
    );
  }

  const path = `/admin/applications/${encodeURIComponent(id)}`;
  const paging = (name: keyof typeof cursors, page: Page<unknown>): CursorPaging => ({
    kind: 'cursor',
    nextHref:
      page.pageInfo.hasNextPage && page.pageInfo.endCursor
        ? hrefWith(path, query, { [name]: page.pageInfo.endCursor, started: undefined })
        : null,
    firstHref: cursors[name] ? hrefWith(path, query, { [name]: undefined, started: undefined }) : null,
  });
  const started = param(query, 'started');

  return (
    <>
      <PageHeader
        title={application.name}
        description={`${application.id} · ${connectorTypeLabel(application.connectorType)} connector · owner ${application.ownerEmployeeNumber}`}
        actions={isAdministrator(session) ? <ReconcileForm applicationId={application.id} applicationName={application.name} /> : null}
      />
      {started ? (
        <p className="notice notice--success" role="status">
          Reconciliation run {started} started. It runs in the background: <Link href={path}>reload</Link> to follow it.
        </p>
      ) : null}

      <div className="two-columns">
        <section className="panel" aria-labelledby="health-title">
          <h2 id="health-title">Connector health</h2>
          <HealthSummary health={application.health} enabled={application.enabled} />
          {application.health.circuit !== 'CLOSED' ? (
            <p className="muted">
              Circuit opened {formatDateTime(application.health.circuitOpenedAt)}; next trial{' '}
              {formatDateTime(application.health.circuitRetryAt)} ({application.health.consecutiveFailures} failures in a row).
            </p>
          ) : null}
        </section>
        <section className="panel" aria-labelledby="settings-title">
          <h2 id="settings-title">Settings</h2>
          <dl className="definition-list">
            <dt>Provisioning</dt>
            <dd>{application.enabled ? 'active' : `paused ${formatDateTime(application.pausedAt)}: ${application.pausedReason ?? ''}`}</dd>
            <dt>Reconciliation</dt>
            <dd>
              {humanize(application.reconciliation.remediation)} drift,{' '}
              {application.reconciliation.scheduleMinutes ? `every ${application.reconciliation.scheduleMinutes} min` : 'on demand only'}
            </dd>
            <dt>Credentials</dt>
            <dd>
              {application.credentialNames.length > 0 ? application.credentialNames.join(', ') : 'none'}
              {application.missingCredentialNames.length > 0 ? (
                <span className="field__error"> missing: {application.missingCredentialNames.join(', ')}</span>
              ) : null}
            </dd>
            <dt>Registered</dt>
            <dd>{formatDateTime(application.registeredAt)}</dd>
          </dl>
        </section>
      </div>

      <section className="stack" aria-labelledby="runs-title">
        <h2 id="runs-title">Reconciliation runs</h2>
        <DataTable
          caption="Latest reconciliation runs"
          columns={runColumns}
          rows={view.runs}
          rowKey={(run) => run.id}
          empty={<EmptyState title="Never reconciled." />}
        />
      </section>

      <section className="stack" aria-labelledby="drift-title">
        <h2 id="drift-title">Open drift</h2>
        <DataTable
          caption="Drift waiting for an administrator or being remediated"
          columns={driftColumns}
          rows={view.openDrift.items}
          rowKey={(drift) => drift.id}
          empty={
            <EmptyState
              title={
                view.runs.length === 0
                  ? 'No drift known: the application was never reconciled.'
                  : 'No open drift: the target matched what Tenure wants at the last run.'
              }
            />
          }
          paging={paging('drift', view.openDrift)}
        />
      </section>

      <section className="stack" aria-labelledby="orphans-title">
        <h2 id="orphans-title">Orphaned accounts</h2>
        <DataTable
          caption="Orphaned accounts still in the target"
          columns={driftColumns}
          rows={view.orphanedAccounts.items}
          rowKey={(drift) => drift.id}
          empty={<EmptyState title="No orphaned account." />}
          paging={paging('orphans', view.orphanedAccounts)}
        />
      </section>

      <section className="stack" aria-labelledby="dead-title">
        <h2 id="dead-title">Dead letters</h2>
        <DataTable
          caption="Operations whose retries ran out"
          columns={operationColumns}
          rows={view.deadLetters.items}
          rowKey={(operation) => operation.id}
          empty={<EmptyState title="No dead letter." />}
          paging={paging('dead', view.deadLetters)}
        />
      </section>

      <section className="stack" aria-labelledby="tasks-title">
        <h2 id="tasks-title">Open manual tasks</h2>
        <DataTable
          caption="Manual tasks waiting for the owner"
          columns={taskColumns}
          rows={view.manualTasks.items}
          rowKey={(task) => task.id}
          empty={<EmptyState title="No manual task is open." />}
          paging={paging('tasks', view.manualTasks)}
        />
      </section>
    </>
  );
}
