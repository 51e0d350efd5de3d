import type { Metadata } from 'next';
import Link from 'next/link';
import { Suspense } from 'react';
import { PersonLabel } from '@/components/admin/PersonLabel';
import { ReadersOnly } from '@/components/admin/ReadersOnly';
import { readsEverything } from '@/components/admin/roles';
import { param } from '@/components/admin/search-params';
import { IdentityTimeline } from '@/components/admin/Timeline';
import { EVIDENCE_KINDS } from '@tenure/evidence-export';
import { AuditForms, type AuditFormErrors, type EntitlementChoice } from '@/components/audit/AuditForms';
import { EvidenceDownload } from '@/components/audit/EvidenceDownload';
import { HeldTable } from '@/components/audit/HeldTable';
import { RecordTimes, RequestTable, SourceText } from '@/components/audit/RecordTables';
import { VerifyHistory } from '@/components/audit/VerifyHistory';
import {
  formatInstant,
  HELD_BASIS_TEXT,
  readEntitlement,
  readTimeQuestion,
  type TimeQuestion,
  type TimeQuestionErrors,
} from '@/components/audit/time-question';
import { DataTable, EmptyState, ErrorNotice, PageHeader, StatusBadge, type DataTableColumn } from '@/components/ui';
import { GraphqlRequestError } from '@/lib/graphql';
import { hrefWith } from '@/lib/paging';
import { requireSession } from '@/lib/session';
import { accessAt, entitlementChoices, holdersAt, identityHistory, requestPartyNames, type AssignmentRecord } from './queries';

export const metadata: Metadata = { title: 'Audit' };

type SearchParams = Record<string, string | string[] | undefined>;

export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const session = await requireSession();
  if (!readsEverything(session)) return <ReadersOnly title="Audit" />;
  const params = await searchParams;
  const employee = param(params, 'employee');
  const entitlement = param(params, 'entitlement');
  const atText = param(params, 'at');
  const basisText = param(params, 'basis');
  const time = readTimeQuestion(atText, basisText, new Date());
  const question = time.question ?? null;
  const personErrors: TimeQuestionErrors = employee ? (time.errors ?? {}) : {};
  const target = entitlement ? readEntitlement(entitlement) : null;
  const entitlementErrors: AuditFormErrors = entitlement
    ? {
        ...time.errors,
        ...(target ? {} : { entitlement: `“${entitlement}” is not application:key; choose an entitlement from the list.` }),
      }
    : {};

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
      <p>
        <Link href={employee ? `/audit/history?person=${encodeURIComponent(employee)}` : '/audit/history'}>
          Audit trail: everything recorded about a person, application or entitlement, with the chain of causes
        </Link>
      </p>
      <AuditForms
        employee={employee}
        entitlement={entitlement}
        at={atText}
        basis={basisText}
        choices={choices}
        personErrors={personErrors}
        entitlementErrors={entitlementErrors}
      />
      {choicesError ? <ErrorNotice title="The entitlement catalog could not be loaded" error={choicesError} /> : null}
      {employee ? (
        <Suspense fallback={<p role="status">Reading {employee}’s history…</p>}>
          <IdentityAnswer employeeNumber={employee} question={question} after={param(params, 'after')} params={params} />
        </Suspense>
      ) : null}
      {entitlement && target && question ? (
        <Suspense fallback={<p role="status">Reading who held {entitlement}…</p>}>
          <EntitlementAnswer entitlement={entitlement} target={target} question={question} />
        </Suspense>
      ) : null}
      {entitlement && !(target && question) ? (
        <ErrorNotice title="Who held it could not be asked" message="Correct the fields marked in the form above." />
      ) : null}
      {!employee && !entitlement ? <EmptyState title="Ask one of the two questions above." /> : null}
      <VerifyHistory />
      <EvidenceDownload kinds={EVIDENCE_KINDS.map(({ name, description }) => ({ name, description }))} />
    </>
  );
}

async function IdentityAnswer({
  employeeNumber,
  question,
  after,
  params,
}: {
  employeeNumber: string;
  /** The instant to read what the person held at; null when the time fields have problems. */
  question: TimeQuestion | null;
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
      {question ? (
        <Suspense fallback={<p role="status">Reading what {identity.displayName} held…</p>}>
          <AccessAtAnswer employeeNumber={identity.employeeNumber} displayName={identity.displayName} question={question} />
        </Suspense>
      ) : (
        <ErrorNotice title="What the person held could not be asked" message="Correct the fields marked in the form above." />
      )}
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

/** "At 2026-11-26 10:30:15 UTC, held in the application: from … to …". */
function QuestionLine({ question }: { question: TimeQuestion }) {
  const basis = HELD_BASIS_TEXT[question.basis];
  return (
    <p className="muted">
      At {formatInstant(question.at)}, held meaning {basis.label.toLowerCase()}: {basis.explanation}. Computed from the recorded events.
    </p>
  );
}

async function AccessAtAnswer({
  employeeNumber,
  displayName,
  question,
}: {
  employeeNumber: string;
  displayName: string;
  question: TimeQuestion;
}) {
  let held;
  try {
    held = await accessAt(employeeNumber, question);
  } catch (error) {
    if (!(error instanceof GraphqlRequestError)) throw error;
    return <ErrorNotice title={`What ${employeeNumber} held at ${formatInstant(question.at)} could not be read`} error={error} />;
  }
  if (!held) return <EmptyState title={`HR knows no employee number ${employeeNumber}.`} />;
  const names = await requestPartyNames(held);
  const caption = `What ${displayName} held at ${formatInstant(question.at)}`;
  return (
    <section className="stack" aria-label={caption}>
      <h3>{caption}</h3>
      <QuestionLine question={question} />
      <HeldTable
        caption={caption}
        rows={held}
        show="entitlement"
        names={names}
        empty={<EmptyState title="The person held nothing through Tenure then." />}
      />
    </section>
  );
}

async function EntitlementAnswer({
  entitlement,
  target,
  question,
}: {
  entitlement: string;
  target: { applicationId: string; entitlementKey: string };
  question: TimeQuestion;
}) {
  let holders;
  try {
    holders = await holdersAt(target.applicationId, target.entitlementKey, question);
  } catch (error) {
    if (!(error instanceof GraphqlRequestError)) throw error;
    return <ErrorNotice title={`Who held ${entitlement} at ${formatInstant(question.at)} could not be read`} error={error} />;
  }
  const names = await requestPartyNames(holders);
  const caption = `Holders of ${entitlement} at ${formatInstant(question.at)}`;
  return (
    <section className="stack" aria-labelledby="entitlement-answer">
      <h2 id="entitlement-answer">{caption}</h2>
      <QuestionLine question={question} />
      <HeldTable
        caption={caption}
        rows={holders}
        show="holder"
        names={names}
        empty={<EmptyState title="Nobody held it at that instant." />}
      />
    </section>
  );
}
