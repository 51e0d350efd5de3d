import {
  ConnectorError,
  FULL_CAPABILITIES,
  type AccountChanges,
  type AccountSpec,
  type Connector,
  type Page,
  type TargetAccount,
  type TargetEntitlement,
  type TargetGrant,
} from '@tenure/connector-sdk';
import type { Pool, PoolClient } from 'pg';
import { accountCommentLiteral, decodeAccountComment } from './account-comment';
import { accountView } from './account-view';
import { postgresqlError } from './postgresql-errors';
import type { PostgresqlSettings } from './postgresql-settings';
import { checkedRoleName, role } from './role-names';
import { RoleListings } from './role-listings';
import { isManagedName, MEMBERSHIP_GRANTORS, OWN_ROLE, ROLE_BY_NAME, scopeParameters, type RoleRow, type RoleScope } from './role-queries';

type Queryable = Pick<PoolClient, 'query'>;

/**
 * PostgreSQL as a target: accounts are login roles, entitlements are the managed group roles,
 * grants are role memberships, disabling is `NOLOGIN`. Account attributes live in the role's
 * comment as JSON. Roles are cluster-wide, so one application covers one PostgreSQL cluster.
 */
export class PostgresqlConnector implements Connector {
  readonly type = 'postgresql';
  readonly capabilities = FULL_CAPABILITIES;
  private readonly scope: RoleScope;
  private readonly listings: RoleListings;
  private closed = false;

  constructor(
    private readonly pool: Pool,
    private readonly settings: PostgresqlSettings,
  ) {
    this.scope = {
      managedRolePrefix: settings.managedRolePrefix ?? null,
      managedRoles: settings.managedRoles,
      ignoredRoles: settings.ignoredRoles,
    };
    this.listings = new RoleListings(pool, this.scope);
  }

  async testConnection(): Promise<void> {
    const rows = await this.run('testing the connection', (client) =>
      client.query<{ name: string; rolcreaterole: boolean; rolsuper: boolean }>(OWN_ROLE),
    );
    const own = rows.rows[0];
    if (!own || !(own.rolcreaterole || own.rolsuper)) {
      throw new ConnectorError('auth', `PostgreSQL: the role ${own?.name ?? '(unknown)'} lacks CREATEROLE, so it cannot manage accounts`);
    }
  }

  listAccounts(cursor: string | null, pageSize: number): Promise<Page<TargetAccount>> {
    return this.listings.accounts(cursor, pageSize);
  }

  listEntitlements(cursor: string | null, pageSize: number): Promise<Page<TargetEntitlement>> {
    return this.listings.entitlements(cursor, pageSize);
  }

  listGrants(cursor: string | null, pageSize: number): Promise<Page<TargetGrant>> {
    return this.listings.grants(cursor, pageSize);
  }

  async getAccount(userName: string): Promise<TargetAccount | null> {
    const found = await this.run(`reading account ${userName}`, (client) => this.roleRow(client, checkedRoleName(userName, 'user name')));
    return found?.is_account ? accountView(found) : null;
  }

  async createAccount(spec: AccountSpec): Promise<TargetAccount> {
    const userName = this.accountName(spec.userName);
    // Two creations racing: the loser's CREATE ROLE fails as a duplicate and its retry updates instead.
    for (let attempt = 1; ; attempt += 1) {
      try {
        await this.transaction(`creating account ${userName}`, async (client) => {
          const existing = await this.roleRow(client, userName);
          if (!existing) await client.query(`CREATE ROLE ${role(userName)} LOGIN`);
          else if (!existing.is_account) throw notAnAccount(userName);
          await client.query(`COMMENT ON ROLE ${role(userName)} IS ${accountCommentLiteral(spec)}`);
        });
        return await this.existingAccount(userName);
      } catch (error) {
        if (!(error instanceof ConnectorError && error.kind === 'conflict' && attempt === 1 && isDuplicate(error))) throw error;
      }
    }
  }

  async updateAccount(userName: string, changes: AccountChanges): Promise<TargetAccount> {
    const name = this.accountName(userName);
    await this.transaction(`updating account ${name}`, async (client) => {
      const existing = await this.accountRow(client, name);
      const attributes = { ...decodeAccountComment(existing.comment), ...definedOnly(changes) };
      await client.query(`COMMENT ON ROLE ${role(name)} IS ${accountCommentLiteral(attributes)}`);
    });
    return this.existingAccount(name);
  }

  disableAccount(userName: string): Promise<void> {
    return this.setLogin(userName, false);
  }

  enableAccount(userName: string): Promise<void> {
    return this.setLogin(userName, true);
  }

  async deleteAccount(userName: string): Promise<void> {
    const name = this.accountName(userName);
    await this.transaction(`deleting account ${name}`, async (client) => {
      const existing = await this.roleRow(client, name);
      if (!existing) return;
      if (!existing.is_account) throw notAnAccount(name);
      const onOwned = this.settings.ownedObjectsOnDelete;
      if (onOwned.action !== 'refuse') {
        // REASSIGN and DROP OWNED need the privileges of the account; ADMIN OPTION alone does not give
        // them (PostgreSQL 16+), so the connector's role joins the account for the moment it still exists.
        await client.query(`GRANT ${role(name)} TO CURRENT_USER`);
        if (onOwned.action === 'reassign') await client.query(`REASSIGN OWNED BY ${role(name)} TO ${role(onOwned.to)}`);
        await client.query(`DROP OWNED BY ${role(name)}`);
      }
      try {
        await client.query(`DROP ROLE ${role(name)}`);
      } catch (error) {
        if (errorCodeOf(error) !== '2BP01') throw error;
        const detail = (error as { detail?: string }).detail ?? '';
        throw new ConnectorError(
          'conflict',
          `PostgreSQL: refusing to delete account ${name}: it owns objects or holds privileges (${detail.replace(/\n/g, '; ')}). ` +
            'Move them, or set ownedObjectsOnDelete to "reassign" or "drop".',
          { cause: error },
        );
      }
    });
  }

  async grant(userName: string, entitlementKey: string): Promise<void> {
    const name = this.accountName(userName);
    const key = checkedRoleName(entitlementKey, 'entitlement key');
    if (!isManagedName(this.scope, key))
      throw new ConnectorError('not-found', `PostgreSQL: ${key} is not an entitlement this application manages`);
    await this.run(`granting ${key} to ${name}`, async (client) => {
      const group = await this.roleRow(client, key);
      if (!group) throw new ConnectorError('not-found', `PostgreSQL: there is no group role ${key}`);
      await this.accountRow(client, name);
      await client.query(`GRANT ${role(key)} TO ${role(name)}`);
    });
  }

  async revoke(userName: string, entitlementKey: string): Promise<void> {
    const name = this.accountName(userName);
    const key = checkedRoleName(entitlementKey, 'entitlement key');
    if (!isManagedName(this.scope, key)) return;
    await this.run(`revoking ${key} from ${name}`, async (client) => {
      const grantors = async () =>
        (await client.query<{ grantor: string }>(MEMBERSHIP_GRANTORS, [name, key])).rows.map((row) => row.grantor);
      if ((await grantors()).length === 0) return;
      await client.query(`REVOKE ${role(key)} FROM ${role(name)}`);
      // A plain REVOKE only removes the membership this role granted; one granted by another role
      // (an administrator by hand) stays unless revoked in that grantor's name, which needs that role's privileges.
      for (const grantor of await grantors()) {
        await client.query(`REVOKE ${role(key)} FROM ${role(name)} GRANTED BY ${role(grantor)}`).catch((error: unknown) => {
          if (errorCodeOf(error) !== '42501') throw error;
        });
      }
      const remaining = await grantors();
      if (remaining.length > 0) {
        throw new ConnectorError(
          'auth',
          `PostgreSQL: cannot revoke ${key} from ${name}: the membership was granted by ${remaining.join(', ')}, whose grants this connector's role may not revoke`,
        );
      }
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }

  private accountName(userName: string): string {
    const name = checkedRoleName(userName, 'user name');
    if (isManagedName(this.scope, name))
      throw new ConnectorError('conflict', `PostgreSQL: ${name} names an entitlement (a managed group role), not an account`);
    return name;
  }

  private async setLogin(userName: string, login: boolean): Promise<void> {
    const name = this.accountName(userName);
    await this.run(`${login ? 'enabling' : 'disabling'} account ${name}`, async (client) => {
      await this.accountRow(client, name);
      await client.query(`ALTER ROLE ${role(name)} ${login ? 'LOGIN' : 'NOLOGIN'}`);
    });
  }

  private async roleRow(client: Queryable, name: string): Promise<RoleRow | null> {
    const result = await client.query<RoleRow>(ROLE_BY_NAME, [...scopeParameters(this.scope), name]);
    return result.rows[0] ?? null;
  }

  private async accountRow(client: Queryable, name: string): Promise<RoleRow> {
    const found = await this.roleRow(client, name);
    if (!found?.is_account) throw new ConnectorError('not-found', `PostgreSQL: there is no account ${name}`);
    return found;
  }

  private async existingAccount(name: string): Promise<TargetAccount> {
    return accountView(await this.run(`reading account ${name}`, (client) => this.accountRow(client, name)));
  }

  private async run<T>(doing: string, work: (client: Queryable) => Promise<T>): Promise<T> {
    try {
      return await work(this.pool);
    } catch (error) {
      throw postgresqlError(error, doing);
    }
  }

  private async transaction<T>(doing: string, work: (client: Queryable) => Promise<T>): Promise<T> {
    let client: PoolClient;
    try {
      client = await this.pool.connect();
    } catch (error) {
      throw postgresqlError(error, doing);
    }
    let broken: unknown = undefined;
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch((rollbackError: unknown) => (broken = rollbackError));
      throw postgresqlError(error, doing);
    } finally {
      client.release(broken instanceof Error ? broken : undefined);
    }
  }
}

function notAnAccount(name: string): ConnectorError {
  return new ConnectorError(
    'conflict',
    `PostgreSQL: the role ${name} exists but is not an account (a group role, or a NOLOGIN role Tenure did not create)`,
  );
}

function errorCodeOf(error: unknown): string | null {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : null;
}

function isDuplicate(error: ConnectorError): boolean {
  return errorCodeOf(error.cause) === '42710';
}

function definedOnly(changes: AccountChanges): AccountChanges {
  return Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
}
