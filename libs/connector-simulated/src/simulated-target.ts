import {
  ConnectorError,
  type AccountChanges,
  type AccountSpec,
  type Page,
  type TargetAccount,
  type TargetEntitlement,
  type TargetGrant,
} from '@tenure/connector-sdk';
import { byCodeUnits, decodeCursor, encodeCursor, firstAfter } from './listing-cursor';

const CHANGEABLE = ['givenName', 'familyName', 'displayName', 'email', 'identityId', 'employeeNumber'] as const;

type StoredAccount = { -readonly [K in (typeof CHANGEABLE)[number]]: AccountSpec[K] } & {
  readonly accountId: string;
  readonly userName: string;
  enabled: boolean;
};

/**
 * The data of one simulated SaaS application, in memory: what a real application would hold on
 * its servers. Fault-free and synchronous; `SimulatedSaasConnector` adds the network (latency,
 * errors, rate limits) in front of it.
 */
export class SimulatedSaasTarget {
  private readonly accounts = new Map<string, StoredAccount>();
  private readonly grants = new Map<string, Set<string>>();
  private readonly entitlements = new Map<string, TargetEntitlement>();
  /** Listings page through user names in order; rebuilt only after accounts come or go. */
  private sortedUserNames: string[] | null = null;
  private accountsCreated = 0;

  constructor(
    readonly application: string,
    entitlements: readonly TargetEntitlement[] = [],
  ) {
    this.defineEntitlements(entitlements);
  }

  /** Adds entitlements, or updates the description of those with the same key. */
  defineEntitlements(entitlements: readonly TargetEntitlement[]): void {
    for (const entitlement of entitlements) this.entitlements.set(entitlement.key, { ...entitlement });
  }

  get accountCount(): number {
    return this.accounts.size;
  }

  getAccount(userName: string): TargetAccount | null {
    const account = this.accounts.get(userName);
    return account ? view(account) : null;
  }

  upsertAccount(spec: AccountSpec): TargetAccount {
    const existing = this.accounts.get(spec.userName);
    if (existing) {
      Object.assign(existing, spec);
      return view(existing);
    }
    this.accountsCreated += 1;
    const accountId = `${this.application}-${String(this.accountsCreated).padStart(8, '0')}`;
    const account: StoredAccount = { ...spec, accountId, enabled: true };
    this.accounts.set(spec.userName, account);
    this.sortedUserNames = null;
    return view(account);
  }

  updateAccount(userName: string, changes: AccountChanges): TargetAccount {
    const account = this.existing(userName);
    for (const attribute of CHANGEABLE) {
      const value = changes[attribute];
      if (value !== undefined) account[attribute] = value;
    }
    return view(account);
  }

  setEnabled(userName: string, enabled: boolean): void {
    this.existing(userName).enabled = enabled;
  }

  deleteAccount(userName: string): void {
    if (!this.accounts.delete(userName)) return;
    this.grants.delete(userName);
    this.sortedUserNames = null;
  }

  grant(userName: string, entitlementKey: string): void {
    this.existing(userName);
    if (!this.entitlements.has(entitlementKey)) {
      throw new ConnectorError('not-found', `${this.application} has no entitlement ${entitlementKey}`);
    }
    let held = this.grants.get(userName);
    if (!held) this.grants.set(userName, (held = new Set()));
    held.add(entitlementKey);
  }

  revoke(userName: string, entitlementKey: string): void {
    this.grants.get(userName)?.delete(entitlementKey);
  }

  listAccounts(cursor: string | null, pageSize: number): Page<TargetAccount> {
    const userNames = this.userNamesInOrder();
    const start = cursor === null ? 0 : firstAfter(userNames, decodeCursor(cursor, 1)[0]!);
    const items = userNames.slice(start, start + pageSize).map((userName) => view(this.accounts.get(userName)!));
    const more = start + pageSize < userNames.length;
    return { items, nextCursor: more && items.length > 0 ? encodeCursor([items[items.length - 1]!.userName]) : null };
  }

  listEntitlements(cursor: string | null, pageSize: number): Page<TargetEntitlement> {
    const keys = [...this.entitlements.keys()].sort(byCodeUnits);
    const start = cursor === null ? 0 : firstAfter(keys, decodeCursor(cursor, 1)[0]!);
    const items = keys.slice(start, start + pageSize).map((key) => ({ ...this.entitlements.get(key)! }));
    const more = start + pageSize < keys.length;
    return { items, nextCursor: more && items.length > 0 ? encodeCursor([items[items.length - 1]!.key]) : null };
  }

  listGrants(cursor: string | null, pageSize: number): Page<TargetGrant> {
    const userNames = this.userNamesInOrder();
    const [afterUser, afterKey] = cursor === null ? [null, null] : decodeCursor(cursor, 2);
    const items: TargetGrant[] = [];
    let index = afterUser === null ? 0 : firstAfter(userNames, afterUser) - (this.accounts.has(afterUser) ? 1 : 0);
    for (; index < userNames.length; index += 1) {
      const userName = userNames[index]!;
      const keys = [...(this.grants.get(userName) ?? [])].sort(byCodeUnits);
      const from = userName === afterUser ? firstAfter(keys, afterKey!) : 0;
      for (const entitlementKey of keys.slice(from)) {
        if (items.length === pageSize) {
          const last = items[items.length - 1]!;
          return { items, nextCursor: encodeCursor([last.userName, last.entitlementKey]) };
        }
        items.push({ userName, entitlementKey });
      }
    }
    return { items, nextCursor: null };
  }

  private existing(userName: string): StoredAccount {
    const account = this.accounts.get(userName);
    if (!account) throw new ConnectorError('not-found', `${this.application} has no account ${userName}`);
    return account;
  }

  private userNamesInOrder(): readonly string[] {
    this.sortedUserNames ??= [...this.accounts.keys()].sort(byCodeUnits);
    return this.sortedUserNames;
  }
}

function view(account: StoredAccount): TargetAccount {
  const { accountId, userName, enabled, displayName, email, employeeNumber } = account;
  return { accountId, userName, enabled, displayName, email, employeeNumber };
}
