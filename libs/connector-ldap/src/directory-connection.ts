import { Client } from 'ldapts';
import type { LdapSettings } from './ldap-settings';
import { toConnectorError } from './ldap-errors';

/**
 * The connector's bound connection to the directory. Binds on first use and again whenever the
 * connection was lost (ldapts reconnects unauthenticated otherwise); every error that leaves `run`
 * is a ConnectorError naming what was being done.
 */
export class DirectoryConnection {
  private readonly client: Client;
  private binding: Promise<void> | null = null;

  constructor(
    private readonly settings: LdapSettings,
    private readonly password: string,
  ) {
    this.client = this.newClient();
  }

  /** Runs `work` on the bound connection; LDAP result codes `work` does not handle become ConnectorErrors. */
  async run<T>(doing: string, work: (client: Client) => Promise<T>): Promise<T> {
    try {
      await this.bind();
      return await work(this.client);
    } catch (error) {
      throw toConnectorError(error, doing);
    }
  }

  /**
   * A separate bound connection, for a paged listing: OpenLDAP keeps one paged search per
   * connection, so each listing has its own. The caller unbinds it.
   */
  async openDedicated(): Promise<Client> {
    const client = this.newClient();
    try {
      await client.bind(this.settings.bindDn, this.password);
      return client;
    } catch (error) {
      await client.unbind().catch(() => undefined);
      throw toConnectorError(error, `binding as ${this.settings.bindDn}`);
    }
  }

  async close(): Promise<void> {
    await this.client.unbind().catch(() => undefined);
  }

  private async bind(): Promise<void> {
    if (this.client.isConnected && this.client.isBound) return;
    this.binding ??= this.client
      .bind(this.settings.bindDn, this.password)
      .catch((error: unknown) => {
        throw toConnectorError(error, `binding as ${this.settings.bindDn}`);
      })
      .finally(() => {
        this.binding = null;
      });
    await this.binding;
  }

  private newClient(): Client {
    return new Client({
      url: this.settings.url,
      timeout: this.settings.operationTimeoutMs,
      connectTimeout: this.settings.connectTimeoutMs,
      strictDN: true,
    });
  }
}
