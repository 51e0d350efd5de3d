import type { Metadata } from 'next';
import Link from 'next/link';
import { AssignmentsTable } from '@/components/access/AssignmentsTable';
import { DataTable } from '@/components/ui/DataTable';
import { EmptyState } from '@/components/ui/EmptyState';
import { ErrorNotice } from '@/components/ui/ErrorNotice';
import { PageHeader } from '@/components/ui/PageHeader';
import { StatusBadge } from '@/components/ui/StatusBadge';
import { accountsWithoutAssignments, sortAssignments } from '@/lib/access/access-view';
import { loadMyAccess, type MyAccess } from '@/lib/data/my-access';
import { formatDateTime } from '@/lib/format';
import { GraphqlRequestError } from '@/lib/graphql';
import { hrefWith, pageOf, pageParam } from '@/lib/paging';
import { requireSession } from '@/lib/session';

export const metadata: Metadata = { title: 'My access' };

type SearchParams = Record<string, string | string[] | undefined>;

export default async function MyAccessPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const session = await requireSession();
  const params = await searchParams;
  const includeEnded = params.ended === '1';

  let access: MyAccess | null;
  try {
    access = await loadMyAccess(session.employeeNumber, includeEnded);
  } catch (error) {
    if (error instanceof GraphqlRequestError) return <Page includeEnded={includeEnded} params={params} error={error} />;
    throw error;
  }
  return <Page includeEnded={includeEnded} params={params} access={access} employeeNumber={session.employeeNumber} />;
}

function Page({
  includeEnded,
  params,
  access,
  error,
  employeeNumber,
}: {
  includeEnded: boolean;
  params: SearchParams;
  access?: MyAccess | null;
  error?: GraphqlRequestError;
  employeeNumber?: string;
}) {
  const toggle = (
    <Link
      className="button button--secondary"
      href={hrefWith('/access', params, { ended: includeEnded ? undefined : '1', page: undefined })}
    >
      {includeEnded ? 'Hide ended access' : 'Show ended access'}
    </Link>
  );
  return (
    <>
      <PageHeader
        title="My access"
        description="Everything you hold, why you hold it, when it ends, and what each application shows."
        actions={
          <>
            {toggle}
            <Link className="button button--primary" href="/request">
              Request access
            </Link>
          </>
        }
      />
      {error ? <ErrorNotice title="Your access could not be loaded" error={error} /> : null}
      {access === null ? (
        <EmptyState title={`HR has no record for employee number ${employeeNumber}.`}>
          Tenure only knows people HR sent it. Ask your HR contact to check your record.
        </EmptyState>
      ) : null}
      {access ? <AccessSections access={access} params={params} /> : null}
    </>
  );
}

function AccessSections({ access, params }: { access: MyAccess; params: SearchParams }) {
  const page = pageOf(sortAssignments(access.assignments), pageParam(params.page));
  const otherAccounts = accountsWithoutAssignments(access.accounts, access.assignments);
  return (
    <>
      <p className="muted">
        {page.total === 1 ? '1 assignment' : `${page.total} assignments`}
        {params.ended === '1' ? ', ended ones included.' : '.'}
      </p>
      <AssignmentsTable
        access={access}
        rows={page.items}
        paging={{
          kind: 'page',
          page: page.page,
          pageCount: page.pageCount,
          hrefFor: (number) => hrefWith('/access', params, { page: number }),
        }}
      />
      {otherAccounts.length > 0 ? (
        <section aria-labelledby="other-accounts">
          <h2 id="other-accounts">Other accounts</h2>
          <p className="muted">Accounts Tenure provisioned in applications where you hold no current access.</p>
          <DataTable
            caption="Other accounts"
            rows={otherAccounts}
            rowKey={(account) => `${account.applicationId}:${account.userName}`}
            columns={[
              { header: 'Application', cell: (account) => access.applicationNames.get(account.applicationId) ?? account.applicationId },
              { header: 'Account', cell: (account) => <code>{account.userName}</code> },
              { header: 'Status', cell: (account) => <StatusBadge status={account.status} /> },
              { header: 'Changed', cell: (account) => formatDateTime(account.updatedAt) },
            ]}
          />
        </section>
      ) : null}
    </>
  );
}
