import type { Metadata } from 'next';
import Link from 'next/link';
import { Fragment } from 'react';
import { AssignmentTable } from '@/components/admin/AssignmentTable';
import { formatDuration } from '@/components/admin/format';
import { ReadersOnly } from '@/components/admin/ReadersOnly';
import { isAdministrator, readsEverything } from '@/components/admin/roles';
import { param } from '@/components/admin/search-params';
import { IdentityTimeline } from '@/components/admin/Timeline';
import { DataTable, EmptyState, ErrorNotice, PageHeader, StatusBadge, type DataTableColumn } from '@/components/ui';
import { formatDateTime, humanize } from '@/lib/format';
import { GraphqlRequestError } from '@/lib/graphql';
import { hrefWith } from '@/lib/paging';
import { requireSession } from '@/lib/session';
import { identityDetail, type IdentityDetail, type IdentityProfile, type JmlRun } from '../queries';
import { ErasePersonalDataForm } from './ErasePersonalDataForm';

export const metadata: Metadata = { title: 'Identity' };

type SearchParams = Record<string, string | string[] | undefined>;

export default async function IdentityPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const session = await requireSession();
  if (!readsEverything(session)) return <ReadersOnly title="Identity" />;
  const { id } = await params;
  const query = await searchParams;
  const after = param(query, 'after');

  let detail: IdentityDetail;
  try {
    detail = await identityDetail(id, after);
  } catch (error) {
    if (!(error instanceof GraphqlRequestError)) throw error;
    return (
      <>
        <PageHeader title="Identity" />
        <ErrorNotice title={`Identity ${id} could not be loaded`} error={error} />
      </>
    );
  }
  const identity = detail.identity;
  if (!identity) {
    return (
      <>
        <PageHeader title="Identity not found" />
        <EmptyState title={`No identity has the id ${id}.`} action={<Link href="/admin/identities">Search the directory</Link>} />
      </>
    );
  }

  const held = identity.assignments.filter((a) => a.status !== 'REVOKED');
  const ended = identity.assignments.filter((a) => a.status === 'REVOKED');
  const path = `/admin/identities/${encodeURIComponent(id)}`;

  return (
    <>
      <PageHeader
        title={identity.displayName}
        description={
          <>
            {identity.title}, {identity.department} · {identity.employeeNumber} · <StatusBadge status={identity.status} />
          </>
        }
        actions={
          <Link className="button button--secondary" href={`/audit?employee=${encodeURIComponent(identity.employeeNumber)}`}>
            Audit history
          </Link>
        }
      />
      <div className="two-columns">
        <section className="panel" aria-labelledby="profile-title">
          <h2 id="profile-title">Profile</h2>
          <Profile identity={identity} />
        </section>
        <section className="panel" aria-labelledby="sod-title">
          <h2 id="sod-title">Separation of duties</h2>
          {identity.sodViolations.length === 0 ? (
            <p>No violation of what the person holds, under the latest policy.</p>
          ) : (
            <ul className="plain-list stack">
              {identity.sodViolations.map((violation) => (
                <li key={violation.ruleId}>
                  <StatusBadge status={violation.severity} tone={violation.blocking ? 'danger' : 'pending'} />{' '}
                  <strong>{violation.ruleName}</strong>: {violation.explanation}
                </li>
              ))}
            </ul>
          )}
          <h3>Accounts</h3>
          {identity.accounts.length === 0 ? (
            <p className="muted">No account provisioned.</p>
          ) : (
            <ul className="plain-list">
              {identity.accounts.map((account) => (
                <li key={`${account.applicationId}-${account.userName}`}>
                  {account.applicationId}: {account.userName} <StatusBadge status={account.status} />
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>

      <section className="stack" aria-labelledby="held-title">
        <h2 id="held-title">Access held ({held.length})</h2>
        <AssignmentTable assignments={held} caption="Access held" emptyTitle="The person holds nothing through Tenure." />
      </section>

      <section className="stack" aria-labelledby="runs-title">
        <h2 id="runs-title">Joiner, mover and leaver runs</h2>
        <JmlRunTable runs={identity.jmlRuns} />
      </section>

      {isAdministrator(session) && identity.status === 'TERMINATED' ? (
        <section className="panel stack" aria-labelledby="erasure-title">
          <h2 id="erasure-title">Personal data</h2>
          {identity.personalDataErased ? (
            <p role="status">
              {param(query, 'erased') ? 'Erased. ' : ''}The personal data of this former employee was erased on legal request; the history
              keeps its events and shows them as [erased].
            </p>
          ) : (
            <ErasePersonalDataForm identityId={identity.id} employeeNumber={identity.employeeNumber} />
          )}
        </section>
      ) : null}

      <section className="stack" aria-labelledby="timeline-title">
        <h2 id="timeline-title">Lifecycle</h2>
        {detail.timeline && detail.timeline.entries.length > 0 ? (
          <>
            <IdentityTimeline entries={detail.timeline.entries} />
            <nav className="pager" aria-label="Lifecycle: pages">
              {after ? (
                <Link className="button button--secondary" href={path}>
                  First events
                </Link>
              ) : null}
              {detail.timeline.pageInfo.hasNextPage && detail.timeline.pageInfo.endCursor ? (
                <Link className="button button--secondary" href={hrefWith(path, query, { after: detail.timeline.pageInfo.endCursor })}>
                  Later events
                </Link>
              ) : null}
            </nav>
          </>
        ) : (
          <EmptyState title="No recorded event." />
        )}
      </section>

      <section className="stack" aria-labelledby="requests-title">
        <h2 id="requests-title">Requests ({identity.requests.length})</h2>
        <DataTable
          caption="Access requests"
          columns={[
            { header: 'Entitlement', cell: (r) => `${r.applicationId}:${r.entitlementKey}` },
            { header: 'Status', cell: (r) => <StatusBadge status={r.status} /> },
            { header: 'Requested', cell: (r) => formatDateTime(r.requestedAt) },
            { header: 'Justification', cell: (r) => r.justification },
          ]}
          rows={identity.requests}
          rowKey={(r) => r.id}
          empty={<EmptyState title="No access request." />}
        />
      </section>

      <section className="stack" aria-labelledby="ended-title">
        <h2 id="ended-title">Access that ended ({ended.length})</h2>
        <AssignmentTable assignments={ended} caption="Access that ended" emptyTitle="No access of the person has ended." />
      </section>
    </>
  );
}

function Profile({ identity }: { identity: IdentityProfile }) {
  return (
    <dl className="definition-list">
      <dt>Email</dt>
      <dd>{identity.email}</dd>
      <dt>Manager</dt>
      <dd>
        {identity.manager ? (
          <Link href={`/admin/identities/${encodeURIComponent(identity.manager.id)}`}>{identity.manager.displayName}</Link>
        ) : (
          (identity.managerEmployeeNumber ?? '—')
        )}
      </dd>
      <dt>Location</dt>
      <dd>{identity.location}</dd>
      <dt>Cost centre</dt>
      <dd>{identity.costCenter}</dd>
      <dt>Employment</dt>
      <dd>
        {identity.employmentType}, from {identity.startDate}
        {identity.employment > 1 ? ` (employment ${identity.employment})` : ''}
      </dd>
      {identity.terminationDate ? (
        <>
          <dt>Left</dt>
          <dd>{identity.terminationDate}</dd>
        </>
      ) : null}
      {identity.scheduledTerminationDate ? (
        <>
          <dt>Leaves</dt>
          <dd>{identity.scheduledTerminationDate}</dd>
        </>
      ) : null}
      {identity.customAttributes.map((attribute) => (
        <Fragment key={attribute.name}>
          <dt>{attribute.name}</dt>
          <dd>{attribute.value}</dd>
        </Fragment>
      ))}
      <dt>Direct reports</dt>
      <dd>
        {identity.directReports.length === 0
          ? '—'
          : identity.directReports.map((report, index) => (
              <span key={report.id}>
                {index > 0 ? ', ' : ''}
                <Link href={`/admin/identities/${encodeURIComponent(report.id)}`}>{report.displayName}</Link>
              </span>
            ))}
      </dd>
      <dt>Record</dt>
      <dd className="muted">
        created {formatDateTime(identity.createdAt)}, updated {formatDateTime(identity.updatedAt)}
      </dd>
    </dl>
  );
}

function JmlRunTable({ runs }: { runs: JmlRun[] }) {
  const columns: DataTableColumn<JmlRun>[] = [
    { header: 'Kind', cell: (run) => humanize(run.kind) },
    { header: 'Status', cell: (run) => <StatusBadge status={run.status} /> },
    { header: 'Started', cell: (run) => formatDateTime(run.startedAt) },
    {
      header: 'Took',
      cell: (run) => (run.durationMs === null ? <span className="muted">in progress</span> : formatDuration(run.durationMs)),
    },
    {
      header: 'Work',
      cell: (run) => (
        <span>
          {run.acknowledged} of {run.expected} acknowledged{run.failed > 0 ? `, ${run.failed} failed` : ''}
          {run.pending > 0 ? `, ${run.pending} pending` : ''}
        </span>
      ),
    },
  ];
  return (
    <DataTable
      caption="Joiner, mover and leaver runs"
      columns={columns}
      rows={runs}
      rowKey={(run) => run.id}
      empty={<EmptyState title="No run recorded." />}
    />
  );
}
