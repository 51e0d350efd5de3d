import { DomainError, type EventStore } from '@tenure/event-sourcing';
import { asConnectorError, ConnectorError, type Connector } from '@tenure/connector-sdk';
import type { ConnectorTypes } from '../connectors/connector-types';
import type { RegisteredApplication } from '../domain/application';
import { loadApplication } from './connector-streams';
import type { Credentials } from './credentials/credentials-cipher';
import type { CredentialsVault } from './credentials/credentials-vault';

/**
 * Opens an application's connector for one piece of work and closes it afterwards. The credentials
 * are opened from the application's events for just that long; every error message coming back
 * from the target is scrubbed of their values, whatever the connector put in it.
 */
export class ApplicationConnectors {
  constructor(private readonly deps: { readonly store: EventStore; readonly types: ConnectorTypes; readonly vault: CredentialsVault }) {}

  async use<T>(applicationId: string, work: (connector: Connector, application: RegisteredApplication) => Promise<T>): Promise<T> {
    const state = await loadApplication(this.deps.store, applicationId);
    if (state.status === 'none') throw new DomainError('not_found', `application "${applicationId}" is not registered`, { applicationId });
    const application = state.application;
    const { create } = this.deps.types[application.connectorType];
    if (!create) {
      throw new DomainError('illegal_state', `application "${applicationId}" is manual: it has no connector, its work is done by people`, {
        applicationId,
      });
    }
    const credentials = this.deps.vault.open(applicationId, application.sealedCredentials);
    let connector: Connector;
    try {
      connector = create(application.settings, credentials);
    } catch (error) {
      throw scrubbed(asConnectorError(error), credentials);
    }
    try {
      return await work(connector, application);
    } catch (error) {
      if (error instanceof DomainError) throw error;
      throw scrubbed(asConnectorError(error), credentials);
    } finally {
      await connector.close().catch(() => undefined);
    }
  }
}

const SHORTEST_SCRUBBED = 4;

/** The error with every credential value replaced in its message: a secret never reaches a client or a log. */
export function scrubbed(error: ConnectorError, credentials: Credentials): ConnectorError {
  let message = error.message;
  for (const value of Object.values(credentials)) {
    if (value.length >= SHORTEST_SCRUBBED) message = message.split(value).join('[redacted]');
  }
  // The cause is dropped with the secret: it may hold the same value.
  return message === error.message ? error : new ConnectorError(error.kind, message, { retryAfterMs: error.retryAfterMs });
}
