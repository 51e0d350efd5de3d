import type { Metadata } from 'next';
import Link from 'next/link';
import { Suspense } from 'react';
import { ApiGap } from '@/components/admin/ApiGap';
import { PersonLabel } from '@/components/admin/PersonLabel';
import { ReadersOnly } from '@/components/admin/ReadersOnly';
import { readsEverything } from '@/components/admin/roles';
import { param } from '@/components/admin/search-params';
import { IdentityTimeline } from '@/components/admin/Timeline';
import { AuditForms, type EntitlementChoice } from '@/components/audit/AuditForms';
import { heldAt, inTargetAt, parseUtcLocal, type AssignmentRecord } from '@/components/audit/holders';
import { RecordTimes, RequestTable, SourceText } from '@/components/audit/RecordTables';
import { DataTable, EmptyState, ErrorNotice, PageHeader, StatusBadge, type DataTableColumn } from '@/components/ui';
import { formatDateTime } from '@/lib/format';
import { GraphqlRequestError } from '@/lib/graphql';
import { hrefWith } from '@/lib/paging';
import { requireSession } from '@/lib/session';
import { entitlementChoices, entitlementHistory, identityHistory, type EntitlementHolderRecord } from './queries';

export const metadata: Metadata = { title: 'Audit' };

type SearchParams = Record<string, string | string[] | undefined>;

export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const session = await requireSession();
  if (!readsEverything(session)) return <ReadersOnly title="Audit" />;
  const params = await searchParams;
  const employee = param(params, 'employee');
  const entitlement = param(params, 'entitlement');
  const atText = param(params, 'at');

  let choices: EntitlementChoice[] = [];
  let choicesError: GraphqlRequestError | null = null;
  try {
    choices = await entitlementChoices();
  } catch (error) {
    if (!(error instanceof GraphqlRequestError)) throw error;
    choicesError = error;
  }

  return (
    <>
      <PageHeader
        title="Audit"
        description="What happened to a person, and who held an entitlement when, and why — from the records Tenure keeps."
      />
      <AuditForms employee={employee} entitlement={entitlement} at={atText} choices={choices} />
      {choicesError ? <ErrorNotice title="The entitlement catalog could not be loaded" error={choicesError} /> : null}
      {employee ? (
        <Suspense fallback={<p role="status">Reading {employee}’s history…</p>}>
          <IdentityAnswer employeeNumber={employee} after={param(params, 'after')} params={params} />
        </Suspense>
      ) : null}
      {entitlement ? (
        <Suspense fallback={<p role="status">Reading every holder of {entitlement}…</p>}>
          <EntitlementAnswer entitlement={entitlement} atText={atText} />
        </Suspense>
      ) : null}
      {!employee && !entitlement ? <EmptyState title="Ask one of the two questions above." /> : null}
    </>
  );
}

async function IdentityAnswer({
  employeeNumber,
  after,
  params,
}: {
  employeeNumber: string;
  after: string | undefined;
  params: SearchParams;
}) {
  let history;
  try {
    history = await identityHistory(employeeNumber, after);
  } catch (error) {
    if (!(error instanceof GraphqlRequestError)) throw error;
    return <ErrorNotice title={`The history of ${employeeNumber} could not be read`} error={error} />;
  }
  if (!history) return <EmptyState title={`HR knows no employee number ${employeeNumber}.`} />;
  const { identity } = history;
  const columns: DataTableColumn<AssignmentRecord>[] = [
    { header: 'Entitlement', cell: (record) => `${record.applicationId}:${record.entitlementKey}` },
    { header: 'Status', cell: (record) => <StatusBadge status={record.status} /> },
    { header: 'Why', cell: (record) => <SourceText source={record.source} /> },
    { header: 'When', cell: (record) => <RecordTimes record={record} /> },
  ];
  return (
    <section className="stack" aria-labelledby="identity-answer">
      <h2 id="identity-answer">
        <PersonLabel employeeNumber={identity.employeeNumber} displayName={identity.displayName} identityId={identity.id} />
      </h2>
      <p className="muted">
        {identity.title}, {identity.department} · <StatusBadge status={identity.status} />
      </p>
      <h3>Lifecycle events</h3>
      {history.timeline.length === 0 ? <EmptyState title="No recorded event." /> : <IdentityTimeline entries={history.timeline} />}
      <nav className="pager" aria-label="Lifecycle events: pages">
        {after ? (
          <Link className="button button--secondary" href={hrefWith('/audit', params, { after: undefined })}>
            First events
          </Link>
        ) : null}
        {history.pageInfo.hasNextPage && history.pageInfo.endCursor ? (
          <Link className="button button--secondary" href={hrefWith('/audit', params, { after: history.pageInfo.endCursor })}>
            Later events
          </Link>
        ) : null}
      </nav>
      <h3>Access, held and ended ({identity.assignments.length})</h3>
      <DataTable
        caption={`Assignments of ${identity.displayName}, revoked ones included`}
        columns={columns}
        rows={[...identity.assignments].sort((a, b) => a.addedAt.localeCompare(b.addedAt))}
        rowKey={(record) => record.id}
        empty={<EmptyState title="Nothing was ever assigned." />}
      />
      <h3>Requests ({identity.requests.length})</h3>
      <RequestTable requests={identity.requests} caption={`Access requests for ${identity.displayName}`} />
    </section>
  );
}

async function EntitlementAnswer({ entitlement, atText }: { entitlement: string; atText: string | undefined }) {
  const [applicationId, ...rest] = entitlement.split(':');
  const entitlementKey = rest.join(':');
  if (!applicationId || !entitlementKey)
    return <ErrorNotice title="Choose an entitlement from the list" message={`“${entitlement}” is not application:key.`} />;
  const at = atText ? parseUtcLocal(atText) : new Date();
  if (!at)
    return (
      <ErrorNotice title="The time could not be read" message={`“${atText}” is not a date and time such as 2026-11-26T10:30 (UTC).`} />
    );

  let history;
  try {
    history = await entitlementHistory(applicationId, entitlementKey);
  } catch (error) {
    if (!(error instanceof GraphqlRequestError)) throw error;
    return <ErrorNotice title={`The history of ${entitlement} could not be read`} error={error} />;
  }
  const holders = history.records.filter(({ record }) => heldAt(record, at));
  const columns: DataTableColumn<EntitlementHolderRecord>[] = [
    {
      header: 'Person',
      cell: ({ person }) => <PersonLabel employeeNumber={person.employeeNumber} displayName={person.displayName} identityId={person.id} />,
    },
    { header: 'Why', cell: ({ record }) => <SourceText source={record.source} /> },
    { header: 'When', cell: ({ record }) => <RecordTimes record={record} /> },
    {
      header: `In the target at that time`,
      cell: ({ record }) => (inTargetAt(record, at) ? 'yes' : <span className="muted">not acknowledged then</span>),
    },
  ];

  return (
    <section className="stack" aria-labelledby="entitlement-answer">
      <h2 id="entitlement-answer">
        {entitlement} on {formatDateTime(at.toISOString())}
      </h2>
      <ApiGap title="Derived from today’s records: not the audit time-travel query">
        <p>
          Tenure’s API has no query yet for “who held an entitlement at a given time” (it arrives with the audit work). This answer reads
          every identity’s assignment records — revoked ones included — and keeps those that were added and not yet revoked or expired at
          that time. It does not replay the event log: it cannot show access granted outside Tenure (see drift on the application’s page),
          or people’s attributes as they were then.
        </p>
        <p>
          Read {history.scanned} of {history.totalCount} identities
          {history.truncated ? ' — the walk stopped at its limit, so holders may be missing' : ''}.
        </p>
      </ApiGap>
      <DataTable
        caption={`Holders of ${entitlement} on ${formatDateTime(at.toISOString())}`}
        showCaption
        columns={columns}
        rows={holders}
        rowKey={({ record }) => record.id}
        empty={<EmptyState title="Nobody held it at that time, according to the assignment records." />}
      />
      <DataTable
        caption={`Every assignment of ${entitlement}, oldest first`}
        showCaption
        columns={columns.slice(0, 3)}
        rows={history.records}
        rowKey={({ record }) => record.id}
        empty={<EmptyState title="It was never assigned through Tenure." />}
      />
      <RequestTable
        requests={history.requests}
        caption={`Requests for ${entitlement}`}
        subject={(request) => `${request.subject.displayName} (${request.subject.employeeNumber})`}
      />
    </section>
  );
}
