/** What a connector can do; the service never asks for more (a manual task covers the rest). */
export interface ConnectorCapabilities {
  readonly createAccount: boolean;
  readonly updateAccount: boolean;
  readonly disableAccount: boolean;
  readonly enableAccount: boolean;
  readonly deleteAccount: boolean;
  readonly grant: boolean;
  readonly revoke: boolean;
  /** Accounts, entitlements and grants can be listed (reconciliation, catalog discovery). */
  readonly list: boolean;
}

export const FULL_CAPABILITIES: ConnectorCapabilities = {
  createAccount: true,
  updateAccount: true,
  disableAccount: true,
  enableAccount: true,
  deleteAccount: true,
  grant: true,
  revoke: true,
  list: true,
};
