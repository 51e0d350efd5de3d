import { ApiGap } from '@/components/admin/ApiGap';
import { formatDuration } from '@/components/admin/format';
import { PersonLabel } from '@/components/admin/PersonLabel';
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
      </Figures>

      <div className="two-columns">
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
        The API has no organisation-wide query for requests: open requests come from reading each identity’s requests ({coverage}); the
        timings of whole joiner and leaver runs cover the newest {figures.runsConsidered.joiners} joiner and{' '}
        {figures.runsConsidered.leavers} leaver runs. Orphaned accounts, standing privileged access and open SoD violations are in the
        compliance reports.
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
