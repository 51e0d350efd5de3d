import type { AccountSpec, AccountChanges, TargetAccount, TargetEntitlement, TargetGrant } from './target-objects';
import type { ConnectorCapabilities } from './capabilities';

/** One page of a listing; `nextCursor` null on the last page. Cursors are opaque to the caller. */
export interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor: string | null;
}

/**
 * What Tenure asks of a target system. A third party implements this for their application.
 *
 * Accounts are addressed by `userName`, the account's name in the target (a login role, an LDAP
 * `uid`, a SCIM `userName`), which Tenure derives from the identity and keeps stable.
 *
 * Every operation is idempotent: doing it twice leaves the same state and reports success the
 * second time too (creating an account that exists updates it to the spec; granting a held
 * entitlement, revoking one not held, disabling a disabled account or deleting a missing one all
 * succeed). Every failure is a `ConnectorError` with a kind and whether a retry may help; anything
 * else thrown is treated as a non-retryable internal error.
 *
 * Listings are paged so that reconciling 100,000 accounts never needs them all in memory.
 * Operations not in `capabilities` throw `ConnectorError` of kind `unsupported`.
 */
export interface Connector {
  /** e.g. "postgresql", "ldap", "scim", "simulated". */
  readonly type: string;
  readonly capabilities: ConnectorCapabilities;

  /** Reaches the target with the configured credentials; throws ConnectorError (`auth`, `unavailable`...) if it cannot. */
  testConnection(): Promise<void>;

  listAccounts(cursor: string | null, pageSize: number): Promise<Page<TargetAccount>>;
  listEntitlements(cursor: string | null, pageSize: number): Promise<Page<TargetEntitlement>>;
  /** Every (account, entitlement) pair the target holds, for the entitlements it manages. */
  listGrants(cursor: string | null, pageSize: number): Promise<Page<TargetGrant>>;

  /** The account, or null when the target has none with that user name. */
  getAccount(userName: string): Promise<TargetAccount | null>;
  /** Creates the account (enabled), or brings an existing one with that user name in line with the spec. */
  createAccount(spec: AccountSpec): Promise<TargetAccount>;
  /** Changes the given attributes; `not-found` if there is no such account. */
  updateAccount(userName: string, changes: AccountChanges): Promise<TargetAccount>;
  /** The account can no longer sign in; its data and grants stay. `not-found` if there is no such account. */
  disableAccount(userName: string): Promise<void>;
  enableAccount(userName: string): Promise<void>;
  /** Removes the account; a missing account is success. */
  deleteAccount(userName: string): Promise<void>;

  /** `not-found` when the account or the entitlement does not exist. */
  grant(userName: string, entitlementKey: string): Promise<void>;
  /** A missing grant is success; a missing account or entitlement is success too (nothing is held). */
  revoke(userName: string, entitlementKey: string): Promise<void>;

  /** Releases connections; the connector is not used afterwards. */
  close(): Promise<void>;
}
