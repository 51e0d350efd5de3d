import type { Metadata } from 'next';
import Link from 'next/link';
import { ReadersOnly } from '@/components/admin/ReadersOnly';
import { readsEverything } from '@/components/admin/roles';
import { param } from '@/components/admin/search-params';
import { DataTable, EmptyState, ErrorNotice, Field, PageHeader, StatusBadge, type DataTableColumn } from '@/components/ui';
import { GraphqlRequestError } from '@/lib/graphql';
import { hrefWith } from '@/lib/paging';
import { requireSession } from '@/lib/session';
import { searchIdentities, type IdentityListItem, type IdentityPage } from './queries';
import layout from '@/components/admin/layout.module.css';

export const metadata: Metadata = { title: 'Identities' };

type SearchParams = Record<string, string | string[] | undefined>;

const STATUSES = ['PRE_HIRE', 'ACTIVE', 'ON_LEAVE', 'TERMINATED'];

export default async function IdentitiesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const session = await requireSession();
  if (!readsEverything(session)) return <ReadersOnly title="Identities" />;
  const params = await searchParams;
  const criteria = {
    search: param(params, 'search'),
    department: param(params, 'department'),
    status: param(params, 'status'),
    after: param(params, 'after'),
  };
  const status = criteria.status && STATUSES.includes(criteria.status) ? criteria.status : undefined;

  let page: IdentityPage | null = null;
  let failure: GraphqlRequestError | null = null;
  try {
    page = await searchIdentities({ ...criteria, status });
  } catch (error) {
    if (!(error instanceof GraphqlRequestError)) throw error;
    failure = error;
  }

  const columns: DataTableColumn<IdentityListItem>[] = [
    {
      header: 'Name',
      cell: (identity) => (
        <div className={layout.lines}>
          <Link href={`/admin/identities/${encodeURIComponent(identity.id)}`}>{identity.displayName}</Link>
          <span className="muted">{identity.email}</span>
        </div>
      ),
    },
    { header: 'Employee number', cell: (identity) => identity.employeeNumber },
    {
      header: 'Position',
      cell: (identity) => (
        <span>
          {identity.title}, {identity.department}
          <span className="muted"> · {identity.employmentType}</span>
        </span>
      ),
    },
    { header: 'Manager', cell: (identity) => identity.manager?.displayName ?? <span className="muted">—</span> },
    { header: 'Status', cell: (identity) => <StatusBadge status={identity.status} /> },
  ];

  return (
    <>
      <PageHeader
        title="Identities"
        description="Everyone HR knows, with their place in the organisation. Open a person for their access and history."
      />
      <form className="form form--inline" method="get" action="/admin/identities" role="search" aria-label="Search identities">
        <Field label="Name, email or employee number" name="search" type="search" defaultValue={criteria.search ?? ''} />
        <Field label="Department" name="department" defaultValue={criteria.department ?? ''} hint="Exact name, e.g. Engineering." />
        <Field as="select" label="Status" name="status" defaultValue={status ?? ''}>
          <option value="">Any</option>
          {STATUSES.map((value) => (
            <option key={value} value={value}>
              {value.toLowerCase().replace('_', ' ')}
            </option>
          ))}
        </Field>
        <button type="submit" className="button button--primary">
          Search
        </button>
      </form>
      {failure ? <ErrorNotice title="The directory could not be searched" error={failure} /> : null}
      {page ? (
        <>
          <p className="muted" role="status">
            {page.totalCount} {page.totalCount === 1 ? 'identity matches' : 'identities match'}.
          </p>
          <DataTable
            caption="Identities"
            columns={columns}
            rows={page.items}
            rowKey={(identity) => identity.id}
            empty={
              <EmptyState title="No identity matches.">
                Try part of a name, an email or an employee number, or clear the filters.
              </EmptyState>
            }
            paging={{
              kind: 'cursor',
              nextHref:
                page.pageInfo.hasNextPage && page.pageInfo.endCursor
                  ? hrefWith('/admin/identities', params, { after: page.pageInfo.endCursor })
                  : null,
              firstHref: criteria.after ? hrefWith('/admin/identities', params, { after: undefined }) : null,
            }}
          />
        </>
      ) : null}
    </>
  );
}
