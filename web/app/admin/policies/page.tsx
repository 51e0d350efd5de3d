import type { Metadata } from 'next';
import Link from 'next/link';
import { Suspense } from 'react';
import { PolicySummary } from '@/components/admin/PolicySummary';
import { PublishPolicyForm } from '@/components/admin/PublishPolicyForm';
import { ReadersOnly } from '@/components/admin/ReadersOnly';
import { isAdministrator, readsEverything } from '@/components/admin/roles';
import { param } from '@/components/admin/search-params';
import { DataTable, EmptyState, ErrorNotice, PageHeader, StatusBadge, type DataTableColumn } from '@/components/ui';
import { formatDateTime } from '@/lib/format';
import { GraphqlRequestError } from '@/lib/graphql';
import { hrefWith, pageOf, pageParam } from '@/lib/paging';
import { requireSession } from '@/lib/session';
import { policiesView, simulateDraft, type PoliciesView, type PolicySimulation, type PolicyVersionSummary } from './queries';

export const metadata: Metadata = { title: 'Policies' };

type SearchParams = Record<string, string | string[] | undefined>;

export default async function PoliciesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const session = await requireSession();
  if (!readsEverything(session)) return <ReadersOnly title="Policies" />;
  const params = await searchParams;
  const simulate = param(params, 'simulate') === '1';
  const header = (
    <PageHeader
      title="Policies"
      description="The draft administrators edit, what publishing it would change, and every published version."
      actions={
        <Link className="button button--secondary" href={hrefWith('/admin/policies', {}, { simulate: 1 })}>
          Simulate the draft
        </Link>
      }
    />
  );

  let view: PoliciesView;
  try {
    view = await policiesView();
  } catch (error) {
    if (!(error instanceof GraphqlRequestError)) throw error;
    return (
      <>
        {header}
        <ErrorNotice title="The policy could not be loaded" error={error} />
      </>
    );
  }
  const { draft, versions } = view;
  const latest = versions[0]?.version ?? null;
  const versionsPage = pageOf(versions, pageParam(params.versionsPage), 10);

  return (
    <>
      {header}
      {param(params, 'published') ? (
        <p className="notice notice--success" role="status">
          Version {param(params, 'published')} is published: decisions use it from now on.
        </p>
      ) : null}

      <section className="panel stack" aria-labelledby="draft-title">
        <h2 id="draft-title">Draft</h2>
        <p>
          {draft.changed ? (
            <StatusBadge status="CHANGED" label="Changed" tone="pending" />
          ) : (
            <StatusBadge status="UNCHANGED" label="Unchanged" tone="neutral" />
          )}{' '}
          {draft.basedOnVersion === null ? 'Nothing is published yet.' : `Based on version ${draft.basedOnVersion}.`}
          {draft.changedAt ? ` Last edited ${formatDateTime(draft.changedAt)} by ${draft.changedBy ?? 'unknown'}.` : ''}
        </p>
        <PolicySummary policy={draft.policy} />
      </section>

      {simulate ? (
        <Suspense
          fallback={
            <p className="notice notice--info" role="status">
              Simulating the draft over every identity…
            </p>
          }
        >
          <Simulation after={param(params, 'after')} params={params} />
        </Suspense>
      ) : null}

      {isAdministrator(session) ? (
        draft.changed || latest === null ? (
          <section className="panel">
            {!simulate ? (
              <p className="muted">
                <Link href={hrefWith('/admin/policies', {}, { simulate: 1 })}>Simulate the draft</Link> first to see who gains or loses
                access.
              </p>
            ) : null}
            <PublishPolicyForm nextVersion={(latest ?? 0) + 1} />
          </section>
        ) : (
          <p className="muted">The draft is the same as version {latest}: there is nothing to publish.</p>
        )
      ) : null}

      <section className="stack" aria-labelledby="versions-title">
        <h2 id="versions-title">Published versions</h2>
        <DataTable
          caption="Published policy versions, newest first"
          columns={versionColumns}
          rows={versionsPage.items}
          rowKey={(version) => String(version.version)}
          empty={<EmptyState title="No policy version is published yet." />}
          paging={{
            kind: 'page',
            page: versionsPage.page,
            pageCount: versionsPage.pageCount,
            hrefFor: (n) => hrefWith('/admin/policies', params, { versionsPage: n, published: undefined }),
          }}
        />
      </section>
    </>
  );
}

const versionColumns: DataTableColumn<PolicyVersionSummary>[] = [
  { header: 'Version', cell: (version) => <strong>{version.version}</strong> },
  { header: 'Published', cell: (version) => `${formatDateTime(version.publishedAt)} by ${version.publishedBy}` },
  { header: 'Note', cell: (version) => version.note },
];

async function Simulation({ after, params }: { after: string | undefined; params: SearchParams }) {
  let simulation: PolicySimulation;
  try {
    simulation = await simulateDraft(after);
  } catch (error) {
    if (!(error instanceof GraphqlRequestError)) throw error;
    return <ErrorNotice title="The draft could not be simulated" error={error} />;
  }
  const affected = simulation.affected.edges.map((edge) => edge.node);
  return (
    <section className="panel stack" aria-labelledby="simulation-title">
      <h2 id="simulation-title">If the draft were published</h2>
      <p role="status">
        Over {simulation.identities} identities, compared with{' '}
        {simulation.currentVersion === null ? 'no published version' : `version ${simulation.currentVersion}`}:{' '}
        <strong>{simulation.added}</strong> birthright assignment(s) added, <strong>{simulation.removed}</strong> removed,{' '}
        <strong>{simulation.newViolations}</strong> new separation-of-duties violation(s), {simulation.affected.totalCount} identities
        affected.
      </p>
      {simulation.perRule.length > 0 ? (
        <DataTable
          caption="Effect per birthright rule"
          showCaption
          columns={[
            { header: 'Rule', cell: (rule) => rule.ruleName },
            { header: 'Added', cell: (rule) => rule.added },
            { header: 'Removed', cell: (rule) => rule.removed },
          ]}
          rows={simulation.perRule}
          rowKey={(rule) => rule.ruleId}
        />
      ) : null}
      {simulation.newViolationsPerRule.length > 0 ? (
        <ul>
          {simulation.newViolationsPerRule.map((rule) => (
            <li key={rule.ruleId}>
              {rule.ruleName}: {rule.count} identities would newly violate it
            </li>
          ))}
        </ul>
      ) : null}
      <DataTable
        caption="Affected identities"
        showCaption
        columns={[
          { header: 'Person', cell: (node) => `${node.identity.displayName} (${node.employeeNumber})` },
          { header: 'Gains', cell: (node) => node.added.map((ref) => ref.key).join(', ') || '—' },
          { header: 'Loses', cell: (node) => node.removed.map((ref) => ref.key).join(', ') || '—' },
          { header: 'New violations', cell: (node) => node.newViolations.join(', ') || '—' },
        ]}
        rows={affected}
        rowKey={(node) => node.identityId}
        empty={<EmptyState title="Nobody’s access would change." />}
        paging={{
          kind: 'cursor',
          nextHref:
            simulation.affected.pageInfo.hasNextPage && simulation.affected.pageInfo.endCursor
              ? hrefWith('/admin/policies', params, { after: simulation.affected.pageInfo.endCursor })
              : null,
          firstHref: after ? hrefWith('/admin/policies', params, { after: undefined }) : null,
        }}
      />
    </section>
  );
}
