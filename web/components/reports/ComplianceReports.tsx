import Link from 'next/link';
import { PersonLabel } from '@/components/admin/PersonLabel';
import { RiskBadge } from '@/components/admin/RiskBadge';
import { Figure, Figures } from '@/components/dashboard/Figure';
import { DataTable, EmptyState, ErrorNotice } from '@/components/ui';
import { complianceReports, type ComplianceReports as Reports } from '@/lib/data/compliance-reports';
import { formatDateTime, humanize } from '@/lib/format';
import { GraphqlRequestError } from '@/lib/graphql';
import { formatMonthlyCosts, formatMoney, formatSeconds, formatTiming, slowest } from './report-format';
import type { ReportPeriod } from './report-period';

/** Standing privileged grants listed on the dashboard; the total is always given. */
const LISTED = 5;

/**
 * The five compliance reports for administrators and auditors, each served by the context that owns
 * it (connector, workflow, policy) and asked in one request through the gateway.
 */
export async function ComplianceReports({ period }: { period: ReportPeriod }) {
  let reports: Reports;
  try {
    reports = await complianceReports(period.from, period.to, LISTED);
  } catch (error) {
    if (!(error instanceof GraphqlRequestError)) throw error;
    return <ErrorNotice title="The compliance reports could not be loaded" error={error} />;
  }
  const { orphanedAccountsReport: orphans, standingPrivilegedAccessReport: standing, openSodViolationsReport: sod } = reports;
  const times = reports.provisioningTimesReport.applications;
  const licenses = reports.licensesReclaimedReport;
  const slowestGrant = slowest(times, (row) => row.provision);
  const slowestRevoke = slowest(times, (row) => row.revoke);
  const reclaimed = licenses.byLeavers.count + licenses.byReviews.count;

  return (
    <>
      <Figures label="Compliance figures">
        <Figure
          label="Orphaned accounts"
          value={orphans.total}
          note={
            orphans.total > 0
              ? orphans.byApplication.map((entry) => `${entry.applicationName ?? entry.applicationId}: ${entry.count}`).join(', ')
              : 'None found by reconciliation, or all fixed or dismissed.'
          }
          href="/admin/applications"
        />
        <Figure
          label="Standing privileged access"
          value={standing.total}
          note="High or critical risk entitlements held without an end."
          href="#standing-privileged-title"
        />
        <Figure
          label="Time to provision (p95, slowest application)"
          value={slowestGrant ? formatSeconds(slowestGrant.p95Seconds) : '—'}
          note={slowestGrant ? `${slowestGrant.name}; every application below.` : 'No grant acknowledged in the period.'}
          href="#provisioning-times-title"
        />
        <Figure
          label="Time to revoke (p95, slowest application)"
          value={slowestRevoke ? formatSeconds(slowestRevoke.p95Seconds) : '—'}
          note={slowestRevoke ? `${slowestRevoke.name}; every application below.` : 'No revocation acknowledged in the period.'}
          href="#provisioning-times-title"
        />
        <Figure
          label="Licenses reclaimed"
          value={reclaimed}
          note={`By leavers ${licenses.byLeavers.count} (${formatMonthlyCosts(licenses.byLeavers.monthlyCost)}), by reviews ${licenses.byReviews.count} (${formatMonthlyCosts(licenses.byReviews.monthlyCost)}).`}
          href="#licenses-title"
        />
        <Figure
          label="Open SoD violations"
          value={sod.total}
          note={
            sod.total > 0
              ? `${sod.identities} person(s); ${sod.byRule.map((rule) => `${rule.ruleName}: ${rule.violations}`).join(', ')}.`
              : 'None unresolved.'
          }
          href="#sod-title"
        />
      </Figures>

      <section className="stack" aria-labelledby="provisioning-times-title">
        <h3 id="provisioning-times-title">Time to provision and to revoke</h3>
        <p className="muted">
          From the decision (assignment added or revoked, termination) to the application’s acknowledgement, for the decisions made in the
          period; p50 and p95 over those acknowledged, with their number.
        </p>
        <DataTable
          caption="Time to provision and revoke by application"
          columns={[
            {
              header: 'Application',
              cell: (row) => (
                <Link href={`/admin/applications/${encodeURIComponent(row.applicationId)}`}>
                  {row.applicationName ?? row.applicationId}
                </Link>
              ),
            },
            { header: 'To provision', cell: (row) => formatTiming(row.provision) },
            { header: 'To revoke', cell: (row) => formatTiming(row.revoke) },
          ]}
          rows={times}
          rowKey={(row) => row.applicationId}
          empty={<EmptyState title="Nothing was granted or revoked in this period." />}
        />
      </section>

      <section className="stack" aria-labelledby="licenses-title">
        <h3 id="licenses-title">Licenses reclaimed</h3>
        <p className="muted">
          Accounts a leaver flow or an access review disabled in the period, each counted once, at the application’s license cost per month
          {licenses.byLeavers.withoutCost + licenses.byReviews.withoutCost > 0
            ? `; ${licenses.byLeavers.withoutCost + licenses.byReviews.withoutCost} of them in applications with no cost set`
            : ''}
          .
        </p>
        <DataTable
          caption="Licenses reclaimed by application"
          columns={[
            { header: 'Application', cell: (row) => row.applicationName ?? row.applicationId },
            { header: 'By leavers', cell: (row) => row.byLeavers },
            { header: 'By reviews', cell: (row) => row.byReviews },
            { header: 'Saved per month', cell: (row) => (row.monthlyCost ? formatMoney(row.monthlyCost) : 'no cost set') },
          ]}
          rows={licenses.applications}
          rowKey={(row) => row.applicationId}
          empty={<EmptyState title="No leaver or review freed a license in this period." />}
        />
      </section>

      <section className="stack" aria-labelledby="standing-privileged-title">
        <h3 id="standing-privileged-title">Standing privileged access</h3>
        <DataTable
          caption="Standing privileged access, longest held first"
          columns={[
            {
              header: 'Person',
              cell: (row) =>
                row.employeeNumber ? (
                  <PersonLabel
                    employeeNumber={row.employeeNumber}
                    displayName={row.identity?.displayName ?? null}
                    identityId={row.identityId}
                  />
                ) : (
                  row.identityId
                ),
            },
            { header: 'Entitlement', cell: (row) => `${row.applicationId}:${row.entitlementKey}` },
            { header: 'Risk', cell: (row) => <RiskBadge risk={row.risk} /> },
            { header: 'Held since', cell: (row) => formatDateTime(row.heldSince) },
            { header: 'Source', cell: (row) => `${humanize(row.source.kind)} ${row.source.reference}` },
          ]}
          rows={standing.grants}
          rowKey={(row) => row.assignmentId}
          empty={<EmptyState title="Nobody holds high or critical risk access without an end." />}
        />
        {standing.total > standing.grants.length ? (
          <p className="muted">
            The {standing.grants.length} longest held of {standing.total}.
          </p>
        ) : null}
      </section>
    </>
  );
}
