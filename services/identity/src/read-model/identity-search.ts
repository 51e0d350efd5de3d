import { IDENTITY_COLUMNS, IDENTITY_ORDER, type Queryable } from './identity-directory.queries';
import type { IdentityDirectoryRow } from './identity-directory.table';
import { checkedPageSize, decodeCursor, encodeCursor, type PageRequest } from './page-request';

/** What a directory search narrows to; every given criterion must hold. */
export interface IdentitySearchFilter {
  /** Case-insensitive substring of the name (either order), email or employee number. */
  readonly text?: string | null;
  readonly department?: string | null;
  readonly status?: IdentityDirectoryRow['status'] | null;
  /** The identity id of the manager. */
  readonly managerId?: string | null;
  /** The manager's employee number as HR names it (also before that manager is hired). */
  readonly managerEmployeeNumber?: string | null;
  readonly location?: string | null;
  readonly employmentType?: string | null;
}

export interface IdentityEdgeRow {
  readonly cursor: string;
  readonly row: IdentityDirectoryRow;
}

export interface IdentitySearchPage {
  readonly edges: readonly IdentityEdgeRow[];
  readonly hasNextPage: boolean;
  readonly totalCount: number;
}

/**
 * One page of the directory in a stable order (family name, given name, employee number), by
 * keyset: the cursor is the sort key of the last row, so pages stay consistent while rows change.
 */
export async function searchIdentities(db: Queryable, filter: IdentitySearchFilter, page: PageRequest): Promise<IdentitySearchPage> {
  const first = checkedPageSize(page.first);
  const { conditions, values } = whereClause(filter);
  const countSql = `SELECT count(*)::int AS total FROM identity_directory ${toWhere(conditions)}`;
  const countValues = [...values];

  if (page.after !== null) {
    const [familyName, givenName, employeeNumber] = decodeCursor(page.after, 3);
    values.push(familyName, givenName, employeeNumber);
    conditions.push(`(${IDENTITY_ORDER}) > ($${values.length - 2}, $${values.length - 1}, $${values.length})`);
  }
  values.push(first + 1);
  const pageSql = `SELECT ${IDENTITY_COLUMNS} FROM identity_directory ${toWhere(conditions)} ORDER BY ${IDENTITY_ORDER} LIMIT $${values.length}`;

  const [pageResult, countResult] = await Promise.all([
    db.query<IdentityDirectoryRow>(pageSql, values),
    db.query<{ total: number }>(countSql, countValues),
  ]);
  const rows = pageResult.rows.slice(0, first);
  return {
    edges: rows.map((row) => ({ cursor: identityCursor(row), row })),
    hasNextPage: pageResult.rows.length > first,
    totalCount: countResult.rows[0]?.total ?? 0,
  };
}

export function identityCursor(row: Pick<IdentityDirectoryRow, 'family_name' | 'given_name' | 'employee_number'>): string {
  return encodeCursor([row.family_name, row.given_name, row.employee_number]);
}

function whereClause(filter: IdentitySearchFilter): { conditions: string[]; values: unknown[] } {
  const conditions: string[] = [];
  const values: unknown[] = [];
  const equal = (column: string, value: string | null | undefined) => {
    if (value === null || value === undefined) return;
    values.push(value);
    conditions.push(`${column} = $${values.length}`);
  };

  const text = filter.text?.trim();
  if (text) {
    values.push(`%${escapeLike(text)}%`);
    const p = `$${values.length}`;
    conditions.push(
      `(given_name || ' ' || family_name ILIKE ${p} OR family_name || ' ' || given_name ILIKE ${p}` +
        ` OR email ILIKE ${p} OR employee_number ILIKE ${p})`,
    );
  }
  equal('department', filter.department);
  equal('status', filter.status);
  equal('location', filter.location);
  equal('employment_type', filter.employmentType);
  equal('manager_employee_number', filter.managerEmployeeNumber);
  if (filter.managerId) {
    values.push(filter.managerId);
    conditions.push(
      `manager_employee_number = (SELECT m.employee_number FROM identity_directory m WHERE m.identity_id = $${values.length})`,
    );
  }
  return { conditions, values };
}

function toWhere(conditions: readonly string[]): string {
  return conditions.length === 0 ? '' : `WHERE ${conditions.join(' AND ')}`;
}

/** `%`, `_` and the escape character itself match literally in a search text. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
