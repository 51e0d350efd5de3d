import type { Page, TargetAccount, TargetEntitlement, TargetGrant } from '@tenure/connector-sdk';
import type { Pool } from 'pg';
import { accountView } from './account-view';
import { checkedPageSize, decodeCursor, encodeCursor } from './listing-cursor';
import { postgresqlError } from './postgresql-errors';
import { ACCOUNTS_PAGE, ENTITLEMENTS_PAGE, GRANTS_PAGE, managedParameters, scopeParameters, type RoleScope } from './role-queries';

/** Keyset-paged listings of the cluster's roles: one more row than asked for says whether another page follows. */
export class RoleListings {
  constructor(
    private readonly pool: Pool,
    private readonly scope: RoleScope,
  ) {}

  async accounts(cursor: string | null, pageSize: number): Promise<Page<TargetAccount>> {
    const size = checkedPageSize(pageSize);
    const [after] = decodeCursor(cursor, 1);
    const rows = await this.rows<{ rolname: string; rolcanlogin: boolean; comment: string | null }>('listing accounts', ACCOUNTS_PAGE, [
      ...scopeParameters(this.scope),
      after,
      size + 1,
    ]);
    return page(rows.map(accountView), size, (account) => [account.userName]);
  }

  async entitlements(cursor: string | null, pageSize: number): Promise<Page<TargetEntitlement>> {
    const size = checkedPageSize(pageSize);
    const [after] = decodeCursor(cursor, 1);
    const rows = await this.rows<{ rolname: string; comment: string | null }>('listing entitlements', ENTITLEMENTS_PAGE, [
      ...managedParameters(this.scope),
      after,
      size + 1,
    ]);
    const entitlements = rows.map(({ rolname, comment }) => ({
      key: rolname,
      displayName: rolname,
      description: comment,
      kind: 'group role',
    }));
    return page(entitlements, size, (entitlement) => [entitlement.key]);
  }

  async grants(cursor: string | null, pageSize: number): Promise<Page<TargetGrant>> {
    const size = checkedPageSize(pageSize);
    const [afterUser, afterKey] = decodeCursor(cursor, 2);
    const rows = await this.rows<{ user_name: string; entitlement_key: string }>('listing grants', GRANTS_PAGE, [
      ...scopeParameters(this.scope),
      afterUser,
      afterKey,
      size + 1,
    ]);
    const grants = rows.map((row) => ({ userName: row.user_name, entitlementKey: row.entitlement_key }));
    return page(grants, size, (grant) => [grant.userName, grant.entitlementKey]);
  }

  private async rows<R extends object>(doing: string, sql: string, parameters: unknown[]): Promise<R[]> {
    try {
      return (await this.pool.query<R>(sql, parameters)).rows;
    } catch (error) {
      throw postgresqlError(error, doing);
    }
  }
}

function page<T>(items: readonly T[], size: number, position: (last: T) => string[]): Page<T> {
  if (items.length <= size) return { items, nextCursor: null };
  const shown = items.slice(0, size);
  return { items: shown, nextCursor: encodeCursor(position(shown[shown.length - 1]!)) };
}
