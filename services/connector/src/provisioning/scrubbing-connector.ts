import { asConnectorError, type AccountChanges, type AccountSpec, type Connector } from '@tenure/connector-sdk';
import { scrubbed } from '../application/application-connectors';
import type { Credentials } from '../application/credentials/credentials-cipher';

/**
 * A connector whose every error is a ConnectorError with the credential values replaced: the
 * worker keeps one connector open for many operations and records their error messages in events,
 * which must never hold a secret (ApplicationConnectors scrubs only what escapes `use`).
 */
export class ScrubbingConnector implements Connector {
  readonly type: string;
  readonly capabilities: Connector['capabilities'];

  constructor(
    private readonly inner: Connector,
    private readonly credentials: Credentials,
  ) {
    this.type = inner.type;
    this.capabilities = inner.capabilities;
  }

  testConnection() {
    return this.call(() => this.inner.testConnection());
  }
  listAccounts(cursor: string | null, pageSize: number) {
    return this.call(() => this.inner.listAccounts(cursor, pageSize));
  }
  listEntitlements(cursor: string | null, pageSize: number) {
    return this.call(() => this.inner.listEntitlements(cursor, pageSize));
  }
  listGrants(cursor: string | null, pageSize: number) {
    return this.call(() => this.inner.listGrants(cursor, pageSize));
  }
  getAccount(userName: string) {
    return this.call(() => this.inner.getAccount(userName));
  }
  createAccount(spec: AccountSpec) {
    return this.call(() => this.inner.createAccount(spec));
  }
  updateAccount(userName: string, changes: AccountChanges) {
    return this.call(() => this.inner.updateAccount(userName, changes));
  }
  disableAccount(userName: string) {
    return this.call(() => this.inner.disableAccount(userName));
  }
  enableAccount(userName: string) {
    return this.call(() => this.inner.enableAccount(userName));
  }
  deleteAccount(userName: string) {
    return this.call(() => this.inner.deleteAccount(userName));
  }
  grant(userName: string, entitlementKey: string) {
    return this.call(() => this.inner.grant(userName, entitlementKey));
  }
  revoke(userName: string, entitlementKey: string) {
    return this.call(() => this.inner.revoke(userName, entitlementKey));
  }
  close() {
    return this.inner.close();
  }

  private async call<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw scrubbed(asConnectorError(error), this.credentials);
    }
  }
}
