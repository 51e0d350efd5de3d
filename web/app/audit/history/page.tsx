import type { Metadata } from 'next';
import Link from 'next/link';
import { Suspense } from 'react';
import { PersonLabel } from '@/components/admin/PersonLabel';
import { ReadersOnly } from '@/components/admin/ReadersOnly';
import { readsEverything } from '@/components/admin/roles';
import { param } from '@/components/admin/search-params';
import { EmptyState, ErrorNotice, Field, PageHeader } from '@/components/ui';
import { GraphqlRequestError } from '@/lib/graphql';
import { hrefWith } from '@/lib/paging';
import { requireSession } from '@/lib/session';
import { entitlementChoices } from '../queries';
import { AuditTrailList } from './AuditTrailList';
import { auditTrail, findPeople, type PersonMatch } from './queries';
import { readTrailQuestion, type TrailQuestion, type TrailQuestionErrors } from './trail-question';

export const metadata: Metadata = { title: 'Audit trail' };

type SearchParams = Record<string, string | string[] | undefined>;

export default async function AuditHistoryPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const session = await requireSession();
  if (!readsEverything(session)) return <ReadersOnly title="Audit trail" />;
  const params = await searchParams;
  const values = { person: param(params, 'person'), target: param(params, 'target'), from: param(params, 'from'), to: param(params, 'to') };
  const read = readTrailQuestion(values);

  let targets: string[] = [];
  let targetsError: GraphqlRequestError | null = null;
  try {
    targets = targetChoices(await entitlementChoices());
  } catch (error) {
    if (!(error instanceof GraphqlRequestError)) throw error;
    targetsError = error;
  }

  return (
    <>
      <PageHeader
        title="Audit trail"
        description="Everything recorded about a person, an application or an entitlement, in every part of Tenure: who did it, why, under which policy, and what caused it."
      />
      <p>
        <Link href="/audit">Back to Audit</Link>
      </p>
      <TrailForm values={values} targets={targets} errors={read?.errors ?? {}} />
      {targetsError ? <ErrorNotice title="The applications and entitlements could not be listed" error={targetsError} /> : null}
      {read?.errors ? (
        <ErrorNotice title="The trail could not be asked for" message="Correct the fields marked in the form above." />
      ) : null}
      {read?.question ? (
        <Suspense fallback={<p role="status">Reading the trail…</p>}>
          <TrailAnswer question={read.question} after={param(params, 'after')} params={params} />
        </Suspense>
      ) : null}
      {!read ? <EmptyState title="Choose a person, an application or an entitlement above." /> : null}
    </>
  );
}

/** Applications, then each application's entitlements, as `application` and `application:key` values. */
function targetChoices(entitlements: readonly { applicationId: string; key: string }[]): string[] {
  const applications = [...new Set(entitlements.map((entitlement) => entitlement.applicationId))].sort();
  return applications.flatMap((application) => [
    application,
    ...entitlements
      .filter((entitlement) => entitlement.applicationId === application)
      .map((entitlement) => `${application}:${entitlement.key}`)
      .sort(),
  ]);
}

/** A plain GET form, so every trail has its own address. */
function TrailForm({
  values,
  targets,
  errors,
}: {
  values: { person?: string; target?: string; from?: string; to?: string };
  targets: string[];
  errors: TrailQuestionErrors;
}) {
  return (
    <form className="form panel" method="get" action="/audit/history" aria-labelledby="trail-question">
      <h2 id="trail-question">Whose history</h2>
      <p className="muted">A person, an application, an entitlement, or a person within an application or entitlement. Days are UTC.</p>
      <Field label="Person" name="person" defaultValue={values.person ?? ''} hint="Employee number, or part of a name or email" />
      <Field as="select" label="Application or entitlement" name="target" defaultValue={values.target ?? ''} error={errors.target}>
        <option value="">Any</option>
        {values.target && !targets.includes(values.target) ? <option value={values.target}>{values.target}</option> : null}
        {targets.map((target) => (
          <option key={target} value={target}>
            {target.includes(':') ? `  ${target}` : `${target} (whole application)`}
          </option>
        ))}
      </Field>
      <Field label="From day" name="from" type="date" defaultValue={values.from ?? ''} error={errors.from} />
      <Field label="To day (included)" name="to" type="date" defaultValue={values.to ?? ''} error={errors.to} />
      <button type="submit" className="button button--primary">
        Show trail
      </button>
    </form>
  );
}

async function TrailAnswer({ question, after, params }: { question: TrailQuestion; after: string | undefined; params: SearchParams }) {
  let person: PersonMatch | null = null;
  try {
    if (question.person) {
      const matches = await findPeople(question.person);
      if (matches.length === 0) return <EmptyState title={`Nobody matches “${question.person}”.`} />;
      if (matches.length > 1) return <PersonChoice text={question.person} matches={matches} params={params} />;
      person = matches[0]!;
    }
    const page = await auditTrail(
      { identityId: person?.id ?? null, applicationId: question.applicationId, entitlementKey: question.entitlementKey },
      question,
      after,
    );
    const title = trailTitle(person, question);
    return (
      <section className="stack" aria-labelledby="trail-answer">
        <h2 id="trail-answer">
          {person ? <PersonLabel employeeNumber={person.employeeNumber} displayName={person.displayName} identityId={person.id} /> : null}
          {person && question.applicationId ? ' in ' : null}
          {question.applicationId
            ? question.entitlementKey
              ? `${question.applicationId}:${question.entitlementKey}`
              : question.applicationId
            : null}
        </h2>
        <p className="muted">Newest first. Each event shows what caused it, back to the first recorded cause.</p>
        {page.entries.length === 0 ? <EmptyState title={`Nothing recorded for ${title}.`} /> : <AuditTrailList entries={page.entries} />}
        <nav className="pager" aria-label="Audit trail: pages">
          {after ? (
            <Link className="button button--secondary" href={hrefWith('/audit/history', params, { after: undefined })}>
              Newest events
            </Link>
          ) : null}
          {page.pageInfo.hasNextPage && page.pageInfo.endCursor ? (
            <Link className="button button--secondary" href={hrefWith('/audit/history', params, { after: page.pageInfo.endCursor })}>
              Older events
            </Link>
          ) : null}
        </nav>
      </section>
    );
  } catch (error) {
    if (!(error instanceof GraphqlRequestError)) throw error;
    return <ErrorNotice title="The trail could not be read" error={error} />;
  }
}

function trailTitle(person: PersonMatch | null, question: TrailQuestion): string {
  const target = question.applicationId ? [question.applicationId, question.entitlementKey].filter(Boolean).join(':') : null;
  return [person ? `${person.displayName} (${person.employeeNumber})` : null, target].filter(Boolean).join(' in ');
}

/** Several people match the text: the auditor picks one, keeping the rest of the question. */
function PersonChoice({ text, matches, params }: { text: string; matches: PersonMatch[]; params: SearchParams }) {
  return (
    <section className="stack" aria-labelledby="person-choice">
      <h2 id="person-choice">Several people match “{text}”</h2>
      <ul className="plain-list">
        {matches.map((match) => (
          <li key={match.id}>
            <Link href={hrefWith('/audit/history', params, { person: match.employeeNumber, after: undefined })}>
              {match.displayName} ({match.employeeNumber})
            </Link>{' '}
            <span className="muted">{match.status.toLowerCase()}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
