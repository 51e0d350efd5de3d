import type { Metadata } from 'next';
import Link from 'next/link';
import { Suspense } from 'react';
import { readsEverything } from '@/components/admin/roles';
import { param } from '@/components/admin/search-params';
import { Figure, Figures } from '@/components/dashboard/Figure';
import { OrganisationOverview } from '@/components/dashboard/OrganisationOverview';
import { personalFigures, type PersonalFigures } from '@/components/dashboard/queries';
import { SectionSkeleton } from '@/components/dashboard/SectionSkeleton';
import { ComplianceReports } from '@/components/reports/ComplianceReports';
import { readReportPeriod } from '@/components/reports/report-period';
import { ReportPeriodForm } from '@/components/reports/ReportPeriodForm';
import { DataTable, EmptyState, ErrorNotice, PageHeader, StatusBadge } from '@/components/ui';
import { formatDateTime } from '@/lib/format';
import { GraphqlRequestError } from '@/lib/graphql';
import { requireSession } from '@/lib/session';

export const metadata: Metadata = { title: { absolute: 'Dashboard · Tenure' } };

type SearchParams = Record<string, string | string[] | undefined>;

export default async function DashboardPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const session = await requireSession();
  const wholeOrganisation = readsEverything(session);
  const params = await searchParams;
  const reportPeriod = readReportPeriod(param(params, 'reportsFrom'), param(params, 'reportsTo'), new Date());

  let mine: PersonalFigures | null = null;
  let failure: GraphqlRequestError | null = null;
  try {
    mine = await personalFigures(session);
  } catch (error) {
    if (!(error instanceof GraphqlRequestError)) throw error;
    failure = error;
  }

  return (
    <>
      <PageHeader
        title="Dashboard"
        description={`Welcome, ${session.name}. ${wholeOrganisation ? 'Your own work first, then the whole organisation.' : 'What waits for you.'}`}
      />
      <section aria-labelledby="mine-title">
        <h2 id="mine-title">Your work</h2>
        {failure ? <ErrorNotice title="Your figures could not be loaded" error={failure} /> : null}
        {mine ? (
          <>
            <Figures label="Your figures">
              <Figure
                label="Your open requests"
                value={mine.openRequests.length}
                note="Waiting for approval or being granted."
                href="/requests"
              />
              <Figure label="Approvals waiting for you" value={mine.approvalsWaiting} href="/approvals" />
              <Figure label="Review items waiting for you" value={mine.reviewItemsPending} href="/reviews" />
            </Figures>
            <DataTable
              caption="Your open requests"
              columns={[
                { header: 'Entitlement', cell: (request) => `${request.applicationId}:${request.entitlementKey}` },
                { header: 'Status', cell: (request) => <StatusBadge status={request.status} /> },
                { header: 'Requested', cell: (request) => formatDateTime(request.requestedAt) },
              ]}
              rows={mine.openRequests.slice(0, 5)}
              rowKey={(request) => request.id}
              empty={<EmptyState title="You have no open request." action={<Link href="/request">Request access</Link>} />}
            />
            {mine.openRequests.length > 5 ? (
              <p>
                <Link href="/requests">All {mine.openRequests.length} open requests</Link>
              </p>
            ) : null}
          </>
        ) : null}
      </section>
      {wholeOrganisation ? (
        <section aria-labelledby="reports-title">
          <h2 id="reports-title">Compliance reports</h2>
          <ReportPeriodForm period={reportPeriod.period} error={reportPeriod.error} />
          <Suspense
            key={`${reportPeriod.period.fromDay}-${reportPeriod.period.toDay}`}
            fallback={<SectionSkeleton label="the compliance reports" />}
          >
            <ComplianceReports period={reportPeriod.period} />
          </Suspense>
        </section>
      ) : null}
      {wholeOrganisation ? (
        <section aria-labelledby="organisation-title">
          <h2 id="organisation-title">The organisation</h2>
          <Suspense fallback={<SectionSkeleton label="the organisation’s figures" />}>
            <OrganisationOverview />
          </Suspense>
        </section>
      ) : null}
    </>
  );
}
