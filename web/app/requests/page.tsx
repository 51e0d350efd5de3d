import type { Metadata } from 'next';
import Link from 'next/link';
import { RequestsTable } from '@/components/requests/RequestsTable';
import { EmptyState } from '@/components/ui/EmptyState';
import { ErrorNotice } from '@/components/ui/ErrorNotice';
import { PageHeader } from '@/components/ui/PageHeader';
import { loadMyRequests, loadNewRequest, loadRequest, type AccessRequestRow, type MyRequests } from '@/lib/data/my-requests';
import { displayNames } from '@/lib/data/people';
import { GraphqlRequestError } from '@/lib/graphql';
import { hrefWith, pageOf, pageParam } from '@/lib/paging';
import { peopleIn } from '@/lib/requests/request-view';
import { requireSession } from '@/lib/session';

export const metadata: Metadata = { title: 'My requests' };

type SearchParams = Record<string, string | string[] | undefined>;

export default async function MyRequestsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const session = await requireSession();
  const params = await searchParams;
  const selectedId = typeof params.request === 'string' ? params.request : undefined;
  const header = (
    <PageHeader
      title="My requests"
      description="Each access request, where it stands and how it got there. Cancel one, or ask for more time on access you were granted."
      actions={
        <Link className="button button--primary" href="/request">
          Request access
        </Link>
      }
    />
  );

  let mine: MyRequests | null;
  let selected: AccessRequestRow | undefined;
  try {
    mine = await loadMyRequests(session.employeeNumber);
    const justMade = params.created === '1';
    selected = selectedId
      ? (mine?.requests.find((request) => request.id === selectedId) ??
        (await (justMade ? loadNewRequest(selectedId) : loadRequest(selectedId))) ??
        undefined)
      : undefined;
  } catch (error) {
    if (!(error instanceof GraphqlRequestError)) throw error;
    return (
      <>
        {header}
        <ErrorNotice title="Your requests could not be loaded" error={error} />
      </>
    );
  }
  if (!mine) {
    return (
      <>
        {header}
        <EmptyState title={`HR has no record for employee number ${session.employeeNumber}.`} />
      </>
    );
  }

  const page = pageOf(mine.requests, pageParam(params.page));
  const shown = selected ? [selected, ...page.items] : page.items;
  const names = await displayNames(shown.flatMap(peopleIn)).catch(() => new Map<string, string>());
  const assignmentOf = mine.assignments;

  return (
    <>
      {header}
      {selected && params.created === '1' ? (
        <p className="notice notice--success" role="status">
          Request {selected.id} is made. {selected.status === 'PENDING' ? 'Its approvers have been asked.' : null}
        </p>
      ) : null}
      {selected && params.cancelled === '1' ? (
        <p className="notice notice--success" role="status">
          Request {selected.id} is cancelled.{selected.assignmentId ? ' Its access is being revoked.' : null}
        </p>
      ) : null}
      {selected ? (
        <section aria-labelledby="selected-request">
          <h2 id="selected-request">Request {selected.id}</h2>
          <RequestsTable
            requests={[selected]}
            assignments={assignmentOf}
            names={names}
            paging={{ kind: 'page', page: 1, pageCount: 1, hrefFor: () => '/requests' }}
            openRequestId={selected.id}
          />
          <p>
            <Link href={hrefWith('/requests', params, { request: undefined, created: undefined, cancelled: undefined })}>
              Show only the list
            </Link>
          </p>
        </section>
      ) : selectedId ? (
        <ErrorNotice title={`Request ${selectedId} was not found`} message="It does not exist, or it is not yours to see." />
      ) : null}
      <section aria-labelledby="all-requests">
        <h2 id="all-requests">All your requests</h2>
        <p className="muted">{page.total === 1 ? '1 request, newest first.' : `${page.total} requests, newest first.`}</p>
        <RequestsTable
          requests={page.items}
          assignments={assignmentOf}
          names={names}
          paging={{
            kind: 'page',
            page: page.page,
            pageCount: page.pageCount,
            hrefFor: (number) => hrefWith('/requests', params, { page: number }),
          }}
          openRequestId={undefined}
        />
      </section>
    </>
  );
}
