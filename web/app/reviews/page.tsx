import type { Metadata } from 'next';
import { ApiGap } from '@/components/admin/ApiGap';
import { PersonLabel } from '@/components/admin/PersonLabel';
import { RiskBadge } from '@/components/admin/RiskBadge';
import { isAdministrator, mayChange } from '@/components/admin/roles';
import { BulkReviewForm } from '@/components/reviews/BulkReviewForm';
import { BULK_FORM_ID } from '@/components/reviews/bulk-form-id';
import { CampaignTable, MyShareList } from '@/components/reviews/CampaignProgress';
import { ReviewItemForm } from '@/components/reviews/ReviewItemForm';
import { mySharesOf } from '@/components/reviews/review-types';
import { SelectAll } from '@/components/reviews/SelectAll';
import { StartCampaignForm } from '@/components/reviews/StartCampaignForm';
import { DataTable, EmptyState, ErrorNotice, PageHeader, StatusBadge, type DataTableColumn } from '@/components/ui';
import { formatDateTime, humanize } from '@/lib/format';
import { GraphqlRequestError } from '@/lib/graphql';
import { hrefWith, pageOf, pageParam } from '@/lib/paging';
import { requireSession } from '@/lib/session';
import { applicationChoices, reviewsView, type ReviewRow, type ReviewsView } from './queries';
import layout from '@/components/admin/layout.module.css';

export const metadata: Metadata = { title: 'Reviews' };

type SearchParams = Record<string, string | string[] | undefined>;

const PAGE_SIZE = 20;

export default async function ReviewsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const session = await requireSession();
  const params = await searchParams;
  const header = <PageHeader title="Reviews" description="Access you are asked to review: keep what is still needed, revoke the rest." />;

  let view: ReviewsView;
  let applications: { id: string; name: string }[] = [];
  try {
    [view, applications] = await Promise.all([reviewsView(session), isAdministrator(session) ? applicationChoices() : Promise.resolve([])]);
  } catch (error) {
    if (!(error instanceof GraphqlRequestError)) throw error;
    return (
      <>
        {header}
        <ErrorNotice title="Your reviews could not be loaded" error={error} />
      </>
    );
  }

  const canDecide = mayChange(session);
  // Paging links keep the other list's page, not the one-off notice of a decision.
  const { decided: _decided, decision: _decision, ...listParams } = params;
  const pending = view.rows.filter((row) => row.item.status === 'PENDING');
  const settled = view.rows.filter((row) => row.item.status !== 'PENDING');
  const pendingPage = pageOf(pending, pageParam(params.page), PAGE_SIZE);
  const settledPage = pageOf(settled, pageParam(params.settledPage), PAGE_SIZE);

  return (
    <>
      {header}
      <DecidedNotice params={params} />
      {!canDecide ? (
        <p className="notice notice--info" role="status">
          You are an auditor: you can read reviews but not decide them.
        </p>
      ) : null}

      <section className="stack" aria-labelledby="pending-title">
        <h2 id="pending-title">Waiting for your decision ({pending.length})</h2>
        {canDecide && pending.length > 0 ? <SelectAll /> : null}
        <DataTable
          caption="Review items waiting for your decision"
          columns={pendingColumns(canDecide)}
          rows={pendingPage.items}
          rowKey={(row) => row.item.id}
          empty={
            <EmptyState title="No review item waits for you.">
              When a campaign asks you to review someone’s access — as their manager or as an entitlement’s owner — the items appear here.
            </EmptyState>
          }
          paging={{
            kind: 'page',
            page: pendingPage.page,
            pageCount: pendingPage.pageCount,
            hrefFor: (n) => hrefWith('/reviews', listParams, { page: n }),
          }}
        />
        {canDecide && pending.length > 0 ? <BulkReviewForm /> : null}
      </section>

      <section className="stack" aria-labelledby="progress-title">
        <h2 id="progress-title">Campaign progress</h2>
        {view.campaigns ? (
          <CampaignTable campaigns={view.campaigns} />
        ) : (
          <>
            <MyShareList shares={mySharesOf(view.rows.map((row) => row.item))} />
            <ApiGap>
              Reviewers can read only their own items: the campaign’s name, deadline and overall progress (reviewCampaign) are refused to
              anyone but administrators and auditors, so the figures above count your items only.
            </ApiGap>
          </>
        )}
      </section>

      {isAdministrator(session) ? (
        <section className="panel" aria-label="Start a review campaign">
          <StartCampaignForm applications={applications} />
        </section>
      ) : null}

      <section className="stack" aria-labelledby="settled-title">
        <h2 id="settled-title">Already settled ({settled.length})</h2>
        <DataTable
          caption="Review items already settled"
          columns={settledColumns}
          rows={settledPage.items}
          rowKey={(row) => row.item.id}
          empty={<EmptyState title="You have not decided any review item yet." />}
          paging={{
            kind: 'page',
            page: settledPage.page,
            pageCount: settledPage.pageCount,
            hrefFor: (n) => hrefWith('/reviews', listParams, { settledPage: n }),
          }}
        />
      </section>
    </>
  );
}

function DecidedNotice({ params }: { params: SearchParams }) {
  const decided = typeof params.decided === 'string' ? params.decided : undefined;
  if (!decided) return null;
  return (
    <p className="notice notice--success" role="status">
      Review item {decided}: {params.decision === 'REVOKE' ? 'revoked' : 'kept'}.
    </p>
  );
}

function itemLabel(row: ReviewRow): string {
  return `${row.person?.displayName ?? row.item.employeeNumber}: ${row.item.applicationId}:${row.item.entitlementKey}`;
}

const personColumn: DataTableColumn<ReviewRow> = {
  header: 'Person',
  cell: ({ item, person }) => (
    <div className={layout.lines}>
      <PersonLabel employeeNumber={item.employeeNumber} displayName={person?.displayName} />
      {person ? (
        <span className="muted">
          {person.title}, {person.department}
          {person.status !== 'ACTIVE' ? ` · ${humanize(person.status).toLowerCase()}` : ''}
        </span>
      ) : null}
    </div>
  ),
};

const accessColumn: DataTableColumn<ReviewRow> = {
  header: 'Access',
  cell: ({ item, catalog }) => (
    <div className={layout.lines}>
      <strong>{catalog?.displayName ?? item.entitlementKey}</strong>
      <span className="muted">
        {item.applicationId}:{item.entitlementKey}
      </span>
      <RiskBadge risk={catalog?.risk} label="Risk" />
    </div>
  ),
};

const whyColumn: DataTableColumn<ReviewRow> = {
  header: 'Why held',
  cell: ({ item }) => (
    <span>
      {humanize(item.source.kind)}{' '}
      <span className="muted">
        ({item.source.reference}
        {item.source.policyVersion ? `, policy v${item.source.policyVersion}` : ''})
      </span>
      {item.reassignedFrom ? <span className="muted"> · reassigned from {item.reassignedFrom}</span> : null}
    </span>
  ),
};

function pendingColumns(canDecide: boolean): DataTableColumn<ReviewRow>[] {
  if (!canDecide) return [personColumn, accessColumn, whyColumn];
  return [
    {
      header: 'Select',
      hideHeader: true,
      cell: (row) => (
        <label>
          <input type="checkbox" name="items" value={`${row.item.id}|${row.item.campaignId}`} form={BULK_FORM_ID} />
          <span className="visually-hidden">Select {itemLabel(row)}</span>
        </label>
      ),
    },
    personColumn,
    accessColumn,
    whyColumn,
    {
      header: 'Decision',
      cell: (row) => <ReviewItemForm itemId={row.item.id} campaignId={row.item.campaignId} subject={itemLabel(row)} />,
    },
  ];
}

const settledColumns: DataTableColumn<ReviewRow>[] = [
  personColumn,
  accessColumn,
  {
    header: 'Outcome',
    cell: ({ item }) => (
      <div className={layout.lines}>
        <span>
          <StatusBadge status={item.decision ?? item.status} />{' '}
          {item.status !== 'DECIDED' ? <span className="muted">({humanize(item.status).toLowerCase()})</span> : null}
        </span>
        {item.comment ? <span>“{item.comment}”</span> : null}
        <span className="muted">
          {item.decidedBy ? `by ${item.decidedBy}, ` : ''}
          {formatDateTime(item.decidedAt)}
        </span>
      </div>
    ),
  },
];
