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
import { AndFilter, EqualityFilter, type Change, type Client, type Entry, type SearchOptions } from 'ldapts';
import {
  accountAttributeNames,
  accountChanges,
  checkName,
  newAccountAttributes,
  toTargetAccount,
  type AccountShape,
} from './account-entry';
import { accountLockFor } from './account-lock';
import { childDn, childValue, normalizeDn } from './dn';
import { DirectoryConnection } from './directory-connection';
import { GroupMembership } from './group-membership';
import { isLdapResult, LdapResult } from './ldap-errors';
import { firstValue, stringValues } from './ldap-entry';
import type { LdapSettings } from './ldap-settings';
import { Listings } from './listings';

const isInetOrgPerson = new EqualityFilter({ attribute: 'objectClass', value: 'inetOrgPerson' });
const isGroupOfNames = new EqualityFilter({ attribute: 'objectClass', value: 'groupOfNames' });

/**
 * Accounts are `inetOrgPerson` entries `uid=<userName>,<usersBase>`; entitlements are `groupOfNames`
 * entries `cn=<key>,<groupsBase>`, granted by listing the account's DN in `member`. See README.md
 * for the disable methods and the placeholder member of an emptied group.
 */
export class LdapConnector implements Connector {
  readonly type = 'ldap';
  readonly capabilities = FULL_CAPABILITIES;

  private readonly connection: DirectoryConnection;
  private readonly listings: Listings;
  private readonly shape: AccountShape;
  private readonly membership: GroupMembership;
  private readonly usersParent: string;
  private readonly groupsParent: string;
  /** Seconds the server may spend on a search (it answers timeLimitExceeded after that). */
  private readonly timeLimit: number;

  constructor(
    private readonly settings: LdapSettings,
    bindPassword: string,
  ) {
    this.connection = new DirectoryConnection(settings, bindPassword);
    this.listings = new Listings(() => this.connection.openDedicated(), {
      idleTimeoutMs: settings.listingIdleTimeoutMs,
      maxOpen: settings.maxOpenListings,
    });
    this.shape = { identityIdAttribute: settings.identityIdAttribute, lock: accountLockFor(settings.disable) };
    this.membership = new GroupMembership(settings.emptyGroupMember ?? settings.groupsBase);
    this.usersParent = normalizedBase(settings.usersBase, 'usersBase');
    this.groupsParent = normalizedBase(settings.groupsBase, 'groupsBase');
    this.timeLimit = Math.max(1, Math.ceil(settings.operationTimeoutMs / 1000));
  }

  async testConnection(): Promise<void> {
    await this.connection.run('checking the users and groups bases', async (client) => {
      for (const [setting, base] of [
        ['usersBase', this.settings.usersBase],
        ['groupsBase', this.settings.groupsBase],
      ] as const) {
        const found = await this.read(client, base, ['1.1']);
        if (!found) throw new ConnectorError('not-found', `the ${setting} ${base} does not exist in the directory`);
      }
    });
  }

  listAccounts(cursor: string | null, pageSize: number): Promise<Page<TargetAccount>> {
    return this.listings.page('accounts', cursor, pageSize, (client, serverPageSize) => this.accountsIn(client, serverPageSize));
  }

  listEntitlements(cursor: string | null, pageSize: number): Promise<Page<TargetEntitlement>> {
    return this.listings.page('entitlements', cursor, pageSize, (client, serverPageSize) => this.groupsIn(client, serverPageSize));
  }

  listGrants(cursor: string | null, pageSize: number): Promise<Page<TargetGrant>> {
    return this.listings.page('grants', cursor, pageSize, (client, serverPageSize) => this.grantsIn(client, serverPageSize));
  }

  async getAccount(userName: string): Promise<TargetAccount | null> {
    checkName('user name', userName);
    const entry = await this.connection.run(`reading account ${userName}`, (client) => this.readAccount(client, userName));
    return entry ? this.toAccount(entry, userName) : null;
  }

  async createAccount(spec: AccountSpec): Promise<TargetAccount> {
    checkName('user name', spec.userName);
    const { userName, ...attributes } = spec;
    await this.connection.run(`creating account ${userName}`, async (client) => {
      try {
        await client.add(this.userDn(userName), newAccountAttributes(spec, this.shape));
      } catch (error) {
        if (!isLdapResult(error, LdapResult.entryAlreadyExists)) throw error;
        // Created before (a retry, or by someone else): bring it in line with the spec, enabled.
        const existing = await this.requireAccount(client, userName);
        await modify(client, existing.dn, [...accountChanges(userName, attributes, this.shape), ...this.shape.lock.enable(existing)]);
      }
    });
    return this.requireAccountAfter(userName, 'creating');
  }

  async updateAccount(userName: string, changes: AccountChanges): Promise<TargetAccount> {
    checkName('user name', userName);
    await this.connection.run(`updating account ${userName}`, async (client) => {
      const existing = await this.requireAccount(client, userName);
      await modify(client, existing.dn, accountChanges(userName, changes, this.shape));
    });
    return this.requireAccountAfter(userName, 'updating');
  }

  async disableAccount(userName: string): Promise<void> {
    checkName('user name', userName);
    await this.connection.run(`disabling account ${userName}`, async (client) => {
      const existing = await this.requireAccount(client, userName);
      await modify(client, existing.dn, this.shape.lock.disable(existing));
    });
  }

  async enableAccount(userName: string): Promise<void> {
    checkName('user name', userName);
    await this.connection.run(`enabling account ${userName}`, async (client) => {
      const existing = await this.requireAccount(client, userName);
      await modify(client, existing.dn, this.shape.lock.enable(existing));
    });
  }

  async deleteAccount(userName: string): Promise<void> {
    checkName('user name', userName);
    const userDn = this.userDn(userName);
    await this.connection.run(`deleting account ${userName}`, async (client) => {
      // Memberships first: if this fails half way, the account is still there for the retry to find.
      for (const groupDn of await this.groupsWithMember(client, userDn)) {
        await this.membership.remove(client, groupDn, userDn);
      }
      try {
        await client.del(userDn);
      } catch (error) {
        if (!isLdapResult(error, LdapResult.noSuchObject)) throw error;
      }
    });
  }

  async grant(userName: string, entitlementKey: string): Promise<void> {
    checkName('user name', userName);
    checkName('entitlement key', entitlementKey);
    await this.connection.run(`granting ${entitlementKey} to ${userName}`, async (client) => {
      const account = await this.requireAccount(client, userName);
      try {
        await this.membership.add(client, this.groupDn(entitlementKey), account.dn);
      } catch (error) {
        if (!isLdapResult(error, LdapResult.noSuchObject)) throw error;
        throw new ConnectorError('not-found', `there is no group ${entitlementKey} (${this.groupDn(entitlementKey)})`, { cause: error });
      }
    });
  }

  async revoke(userName: string, entitlementKey: string): Promise<void> {
    checkName('user name', userName);
    checkName('entitlement key', entitlementKey);
    await this.connection.run(`revoking ${entitlementKey} from ${userName}`, (client) =>
      this.membership.remove(client, this.groupDn(entitlementKey), this.userDn(userName)),
    );
  }

  async close(): Promise<void> {
    await this.listings.closeAll();
    await this.connection.close();
  }

  private async *accountsIn(client: Client, pageSize: number): AsyncGenerator<TargetAccount> {
    const options: SearchOptions = { scope: 'one', filter: isInetOrgPerson, ...this.accountAttributes(), timeLimit: this.timeLimit };
    for await (const entry of pagedEntries(client, this.settings.usersBase, options, pageSize)) {
      const userName = childValue(entry.dn, 'uid', this.usersParent);
      if (userName !== null) yield this.toAccount(entry, userName);
    }
  }

  private async *groupsIn(client: Client, pageSize: number): AsyncGenerator<TargetEntitlement> {
    const options: SearchOptions = { scope: 'one', filter: isGroupOfNames, attributes: ['cn', 'description'], timeLimit: this.timeLimit };
    for await (const entry of pagedEntries(client, this.settings.groupsBase, options, pageSize)) {
      const key = childValue(entry.dn, 'cn', this.groupsParent);
      if (key !== null) yield { key, displayName: key, description: firstValue(entry, 'description'), kind: 'group' };
    }
  }

  private async *grantsIn(client: Client, pageSize: number): AsyncGenerator<TargetGrant> {
    const options: SearchOptions = { scope: 'one', filter: isGroupOfNames, attributes: ['member'], timeLimit: this.timeLimit };
    for await (const entry of pagedEntries(client, this.settings.groupsBase, options, pageSize)) {
      const entitlementKey = childValue(entry.dn, 'cn', this.groupsParent);
      if (entitlementKey === null) continue;
      for (const member of stringValues(entry, 'member')) {
        // Members outside the users base (the placeholder, service entries) are not accounts.
        const userName = childValue(member, 'uid', this.usersParent);
        if (userName !== null) yield { userName, entitlementKey };
      }
    }
  }

  private async groupsWithMember(client: Client, memberDn: string): Promise<string[]> {
    const filter = new AndFilter({ filters: [isGroupOfNames, new EqualityFilter({ attribute: 'member', value: memberDn })] });
    try {
      const options: SearchOptions = { scope: 'sub', filter, attributes: ['1.1'], timeLimit: this.timeLimit };
      const { searchEntries } = await client.search(this.settings.groupsBase, options);
      return searchEntries.map((entry) => entry.dn);
    } catch (error) {
      if (isLdapResult(error, LdapResult.noSuchObject)) return [];
      throw error;
    }
  }

  private accountAttributes(): Pick<SearchOptions, 'attributes' | 'explicitBufferAttributes'> {
    return { attributes: accountAttributeNames(this.shape), explicitBufferAttributes: [...this.shape.lock.binaryAttributes] };
  }

  private readAccount(client: Client, userName: string): Promise<Entry | null> {
    return this.read(client, this.userDn(userName), this.accountAttributes().attributes ?? [], this.shape.lock.binaryAttributes);
  }

  private async requireAccount(client: Client, userName: string): Promise<Entry> {
    const entry = await this.readAccount(client, userName);
    if (!entry) throw new ConnectorError('not-found', `there is no account ${userName} (${this.userDn(userName)})`);
    return entry;
  }

  private async requireAccountAfter(userName: string, doing: string): Promise<TargetAccount> {
    const account = await this.getAccount(userName);
    if (!account) throw new ConnectorError('conflict', `the account ${userName} was deleted while ${doing} it`);
    return account;
  }

  private async read(client: Client, dn: string, attributes: readonly string[], binary: readonly string[] = []): Promise<Entry | null> {
    try {
      const options: SearchOptions = {
        scope: 'base',
        attributes: [...attributes],
        explicitBufferAttributes: [...binary],
        timeLimit: this.timeLimit,
      };
      const { searchEntries } = await client.search(dn, options);
      return searchEntries[0] ?? null;
    } catch (error) {
      if (isLdapResult(error, LdapResult.noSuchObject)) return null;
      throw error;
    }
  }

  private toAccount(entry: Entry, fallbackUserName: string): TargetAccount {
    return toTargetAccount(entry, childValue(entry.dn, 'uid', this.usersParent) ?? fallbackUserName, this.shape);
  }

  private userDn(userName: string): string {
    return childDn('uid', userName, this.settings.usersBase);
  }

  private groupDn(entitlementKey: string): string {
    return childDn('cn', entitlementKey, this.settings.groupsBase);
  }
}

async function* pagedEntries(client: Client, base: string, options: SearchOptions, pageSize: number): AsyncGenerator<Entry> {
  for await (const page of client.searchPaginated(base, { ...options, paged: { pageSize } })) {
    yield* page.searchEntries;
  }
}

async function modify(client: Client, dn: string, changes: Change[]): Promise<void> {
  if (changes.length > 0) await client.modify(dn, changes);
}

function normalizedBase(base: string, setting: string): string {
  const normalized = normalizeDn(base);
  if (normalized === null) throw new ConnectorError('invalid', `the ${setting} ${JSON.stringify(base)} is not a valid DN`);
  return normalized;
}
