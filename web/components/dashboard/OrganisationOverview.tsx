import { ApiGap } from '@/components/admin/ApiGap';
import { formatDuration } from '@/components/admin/format';
import { PersonLabel } from '@/components/admin/PersonLabel';
import { RiskBadge } from '@/components/admin/RiskBadge';
import { DataTable, EmptyState, ErrorNotice, StatusBadge } from '@/components/ui';
import { formatDateTime } from '@/lib/format';
import { GraphqlRequestError } from '@/lib/graphql';
import { Figure, Figures } from './Figure';
import { organisationFigures, type OrganisationFigures } from './queries';
import type { DurationSummary } from './statistics';

const LISTED = 10;

/** The organisation-wide figures administrators and auditors see; slow (it walks the directory), so it streams in. */
export async function OrganisationOverview() {
  let figures: OrganisationFigures;
  try {
    figures = await organisationFigures();
  } catch (error) {
    if (!(error instanceof GraphqlRequestError)) throw error;
    return <ErrorNotice title="The organisation’s figures could not be loaded" error={error} />;
  }
  const { directory } = figures;
  const coverage = `${directory.scanned} of ${directory.totalCount} identities read${directory.truncated ? ' (the walk stopped at its limit)' : ''}`;

  return (
    <>
      <Figures label="Organisation figures">
        <Figure label="Open requests" value={directory.openRequests} note={`Pending or approved, not yet granted; ${coverage}.`} />
        <Figure label="Requests only administrators can decide" value={figures.requestsForAdministrators} href="/approvals" />
        <Figure
          label="Time to provision (joiners)"
          value={formatDuration(figures.timeToProvision.medianMs)}
          note={<Timing summary={figures.timeToProvision} runs={figures.runsConsidered.joiners} />}
        />
        <Figure
          label="Time to revoke (leavers)"
          value={formatDuration(figures.timeToRevoke.medianMs)}
          note={<Timing summary={figures.timeToRevoke} runs={figures.runsConsidered.leavers} />}
        />
        <Figure
          label="Orphaned accounts"
          value={`${figures.orphanedAccounts.count}${figures.orphanedAccounts.more ? '+' : ''}`}
          note={
            figures.orphanedAccounts.byApplication.length > 0
              ? figures.orphanedAccounts.byApplication.map((entry) => `${entry.applicationId}: ${entry.count}`).join(', ')
              : 'Found by reconciliation, not yet fixed or dismissed.'
          }
          href="/admin/applications"
        />
        <Figure
          label="Standing privileged access"
          value={directory.standingPrivileged.length}
          note={`High or critical risk, held without an end; ${coverage}.`}
        />
        <Figure label="SoD violations" value={figures.sodViolations.length} note="Found by detective checking, not resolved." />
      </Figures>

      {figures.unassessedEntitlements > 0 ? (
        <p className="muted">
          {figures.unassessedEntitlements} entitlement(s) have no risk assessed in the catalog and cannot count as privileged.
        </p>
      ) : null}

      <div className="two-columns">
        <section className="stack" aria-labelledby="privileged-title">
          <h2 id="privileged-title">Standing privileged access</h2>
          <DataTable
            caption="High and critical risk access held without an end, oldest first"
            columns={[
              {
                header: 'Person',
                cell: (row) => (
                  <PersonLabel employeeNumber={row.employeeNumber} displayName={row.displayName} identityId={row.identityId} />
                ),
              },
              { header: 'Entitlement', cell: (row) => row.entitlement },
              { header: 'Risk', cell: (row) => <RiskBadge risk={row.risk} /> },
              { header: 'Since', cell: (row) => formatDateTime(row.since) },
            ]}
            rows={directory.standingPrivileged.slice(0, LISTED)}
            rowKey={(row) => `${row.identityId}-${row.entitlement}`}
            empty={<EmptyState title="Nobody holds high or critical risk access without an end." />}
          />
          {directory.standingPrivileged.length > LISTED ? (
            <p className="muted">
              The {LISTED} oldest of {directory.standingPrivileged.length}.
            </p>
          ) : null}
        </section>
        <section className="stack" aria-labelledby="sod-title">
          <h2 id="sod-title">Separation-of-duties violations</h2>
          <DataTable
            caption="Unresolved separation-of-duties violations"
            columns={[
              {
                header: 'Person',
                cell: (row) => (
                  <PersonLabel employeeNumber={row.employeeNumber} displayName={row.displayName} identityId={row.identityId} />
                ),
              },
              { header: 'Rule', cell: (row) => row.ruleName },
              { header: 'Severity', cell: (row) => <StatusBadge status={row.severity} tone={row.blocking ? 'danger' : 'pending'} /> },
              { header: 'Found', cell: (row) => formatDateTime(row.detectedAt) },
            ]}
            rows={figures.sodViolations.slice(0, LISTED)}
            rowKey={(row) => `${row.identityId}-${row.ruleName}`}
            empty={<EmptyState title="No unresolved violation." />}
          />
        </section>
      </div>

      <ApiGap title="How these figures are made">
        The API has no organisation-wide query for requests or assignments, nor counts for orphaned accounts: open requests and standing
        privileged access come from reading each identity’s requests and assignments ({coverage}); orphaned accounts are counted by paging
        through them{figures.orphanedAccounts.more ? ` (stopped after ${figures.orphanedAccounts.count})` : ''}; timings cover the newest{' '}
        {figures.runsConsidered.joiners} joiner and {figures.runsConsidered.leavers} leaver runs.
      </ApiGap>
    </>
  );
}

function Timing({ summary, runs }: { summary: DurationSummary; runs: number }) {
  if (summary.completed === 0) return <>No completed run yet{summary.inProgress > 0 ? ` (${summary.inProgress} in progress)` : ''}.</>;
  return (
    <>
      Median of {summary.completed} settled run(s) of the newest {runs}; 95th percentile {formatDuration(summary.p95Ms)}, slowest{' '}
      {formatDuration(summary.maxMs)}
      {summary.withFailures > 0 ? `; ${summary.withFailures} with failures` : ''}
      {summary.inProgress > 0 ? `; ${summary.inProgress} in progress` : ''}.
    </>
  );
}
