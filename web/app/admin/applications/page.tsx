import type { Metadata } from 'next';
import Link from 'next/link';
import { connectorTypeLabel, formatDuration } from '@/components/admin/format';
import { HealthSummary } from '@/components/admin/HealthSummary';
import { ReadersOnly } from '@/components/admin/ReadersOnly';
import { readsEverything } from '@/components/admin/roles';
import { DataTable, EmptyState, ErrorNotice, PageHeader, StatusBadge, type DataTableColumn } from '@/components/ui';
import { formatDateTime } from '@/lib/format';
import { GraphqlRequestError } from '@/lib/graphql';
import { hrefWith, pageOf, pageParam } from '@/lib/paging';
import { requireSession } from '@/lib/session';
import { applicationList, type ApplicationSummary } from './queries';
import layout from '@/components/admin/layout.module.css';

export const metadata: Metadata = { title: 'Applications' };

type SearchParams = Record<string, string | string[] | undefined>;

export default async function ApplicationsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const session = await requireSession();
  if (!readsEverything(session)) return <ReadersOnly title="Applications" />;
  const params = await searchParams;
  const header = (
    <PageHeader title="Applications" description="The target systems Tenure provisions: connector health, reconciliation and drift." />
  );

  let applications: ApplicationSummary[];
  try {
    applications = await applicationList();
  } catch (error) {
    if (!(error instanceof GraphqlRequestError)) throw error;
    return (
      <>
        {header}
        <ErrorNotice title="Applications could not be loaded" error={error} />
      </>
    );
  }
  const page = pageOf(applications, pageParam(params.page));

  const columns: DataTableColumn<ApplicationSummary>[] = [
    {
      header: 'Application',
      cell: (application) => (
        <div className={layout.lines}>
          <Link href={`/admin/applications/${encodeURIComponent(application.id)}`}>{application.name}</Link>
          <span className="muted">
            {application.id} · {connectorTypeLabel(application.connectorType)} · owner {application.ownerEmployeeNumber}
          </span>
        </div>
      ),
    },
    { header: 'Connector health', cell: (application) => <HealthSummary health={application.health} enabled={application.enabled} /> },
    {
      header: 'Last reconciliation',
      cell: ({ lastReconciliation: run }) =>
        run ? (
          <div className={layout.lines}>
            <span>
              <StatusBadge status={run.status} /> {formatDateTime(run.startedAt)}
            </span>
            <span className="muted">
              {run.driftFound} drift found{run.durationMs !== null ? ` in ${formatDuration(run.durationMs)}` : ''}
            </span>
          </div>
        ) : (
          <span className="muted">Never reconciled</span>
        ),
    },
    {
      header: 'Open drift',
      cell: (application) =>
        application.openDriftCount > 0 ? <StatusBadge status="OPEN" label={`${application.openDriftCount} open`} /> : '0',
    },
  ];

  return (
    <>
      {header}
      <DataTable
        caption="Applications"
        columns={columns}
        rows={page.items}
        rowKey={(application) => application.id}
        empty={<EmptyState title="No application is registered yet." />}
        paging={{
          kind: 'page',
          page: page.page,
          pageCount: page.pageCount,
          hrefFor: (n) => hrefWith('/admin/applications', params, { page: n }),
        }}
      />
    </>
  );
}
