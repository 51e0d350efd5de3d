import Link from 'next/link';
import type { ReactNode } from 'react';

export interface DataTableColumn<T> {
  /** Column header; also labels the cell on narrow screens, where each row becomes a card. */
  header: string;
  cell: (row: T) => ReactNode;
  /** Hide the header visually (e.g. an actions column) while keeping it for screen readers. */
  hideHeader?: boolean;
  className?: string;
}

/** Forward paging over a GraphQL connection: `after` cursors only go forward, so "first page" restarts. */
export interface CursorPaging {
  kind: 'cursor';
  /** Link to the next page (with `after=<endCursor>`); absent when `hasNextPage` is false. */
  nextHref?: string | null;
  /** Link back to the first page; absent on the first page. */
  firstHref?: string | null;
}

/** Numbered pages (for lists the API returns whole; see lib/paging.ts pageOf). */
export interface PagePaging {
  kind: 'page';
  page: number;
  pageCount: number;
  hrefFor: (page: number) => string;
}

export interface DataTableProps<T> {
  /** Names the table for screen readers and tests (getByRole('table', { name })). */
  caption: string;
  /** Show the caption on screen too (default: for screen readers only). */
  showCaption?: boolean;
  columns: DataTableColumn<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  /** Shown instead of the table when there are no rows (e.g. an EmptyState). */
  empty?: ReactNode;
  paging?: CursorPaging | PagePaging;
  /** Extra content under a row (e.g. a request's history), spanning every column. */
  rowDetails?: (row: T) => ReactNode;
}

export function DataTable<T>({ caption, showCaption = false, columns, rows, rowKey, empty, paging, rowDetails }: DataTableProps<T>) {
  if (rows.length === 0 && empty) {
    return (
      <>
        {empty}
        {paging ? <Pager paging={paging} label={caption} /> : null}
      </>
    );
  }
  return (
    <div className="data-table">
      <table>
        <caption className={showCaption ? undefined : 'visually-hidden'}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.header} scope="col" className={column.className}>
                {column.hideHeader ? <span className="visually-hidden">{column.header}</span> : column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const key = rowKey(row);
            const details = rowDetails?.(row);
            return [
              <tr key={key}>
                {columns.map((column) => (
                  <td key={column.header} data-label={column.hideHeader ? undefined : column.header} className={column.className}>
                    {column.cell(row)}
                  </td>
                ))}
              </tr>,
              details ? (
                <tr key={`${key}-details`} className="data-table__details">
                  <td colSpan={columns.length}>{details}</td>
                </tr>
              ) : null,
            ];
          })}
        </tbody>
      </table>
      {paging ? <Pager paging={paging} label={caption} /> : null}
    </div>
  );
}

/** The paging links of a DataTable, for lists that are not tables. */
export function Pager({ paging, label }: { paging: CursorPaging | PagePaging; label: string }) {
  if (paging.kind === 'cursor') {
    if (!paging.firstHref && !paging.nextHref) return null;
    return (
      <nav className="pager" aria-label={`${label}: pages`}>
        {paging.firstHref ? (
          <Link className="button button--secondary" href={paging.firstHref}>
            First page
          </Link>
        ) : null}
        {paging.nextHref ? (
          <Link className="button button--secondary" href={paging.nextHref}>
            Next page
          </Link>
        ) : null}
      </nav>
    );
  }
  if (paging.pageCount <= 1) return null;
  return (
    <nav className="pager" aria-label={`${label}: pages`}>
      {paging.page > 1 ? (
        <Link className="button button--secondary" href={paging.hrefFor(paging.page - 1)}>
          Previous page
        </Link>
      ) : null}
      <span className="pager__position">
        Page {paging.page} of {paging.pageCount}
      </span>
      {paging.page < paging.pageCount ? (
        <Link className="button button--secondary" href={paging.hrefFor(paging.page + 1)}>
          Next page
        </Link>
      ) : null}
    </nav>
  );
}
