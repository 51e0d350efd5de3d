import { commandHandler, DomainError, type Actor, type Clock, type EventStore, type IdGenerator } from '@tenure/event-sourcing';
import { z } from 'zod';
import type { ConnectorTypes } from '../connectors/connector-types';
import {
  applicationDecider,
  CONNECTOR_TYPES,
  type ApplicationCommand,
  type ApplicationSettings,
  type ApplicationState,
  type ConnectorType,
  type CredentialsSealed,
  type LicenseCost,
  type ReconciliationSetting,
} from '../domain/application';
import { applicationStreamId, loadApplication } from './connector-streams';
import type { Credentials } from './credentials/credentials-cipher';
import type { CredentialsVault } from './credentials/credentials-vault';

export interface ApplicationAdministrationDependencies {
  readonly store: EventStore;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly types: ConnectorTypes;
  readonly vault: CredentialsVault;
}

export interface ApplicationRegistration {
  readonly applicationId: string;
  readonly name: string;
  readonly connectorType: string;
  readonly settings: unknown;
  /** Secret values by name: sealed before anything is recorded, never returned. */
  readonly credentials: Credentials;
  readonly ownerEmployeeNumber: string;
  readonly enabled: boolean;
}

/**
 * What administrators do to applications. Settings are checked with the connector type's schema
 * here (the decider keeps the application's own invariants); credentials are sealed here, so that
 * neither the decider nor any event ever holds a secret value.
 */
export class ApplicationAdministration {
  private readonly handle;

  constructor(private readonly deps: ApplicationAdministrationDependencies) {
    this.handle = commandHandler(deps.store, applicationDecider, { ids: deps.ids });
  }

  async register(input: ApplicationRegistration, actor: Actor): Promise<void> {
    const connectorType = knownConnectorType(input.connectorType);
    const settings = this.validSettings(connectorType, input.settings);
    const credentials = this.sealed(input.applicationId, input.credentials);
    await this.run(input.applicationId, actor, (now) => ({
      type: 'RegisterApplication',
      data: { ...input, connectorType, settings, credentials, now },
    }));
  }

  async configure(applicationId: string, settings: unknown, actor: Actor): Promise<void> {
    const { connectorType } = await this.registered(applicationId);
    const valid = this.validSettings(connectorType, settings);
    await this.run(applicationId, actor, (now) => ({ type: 'ConfigureApplication', data: { applicationId, settings: valid, now } }));
  }

  /** How reconciliation remediates the application's drift and how often it runs on its own. */
  async configureReconciliation(applicationId: string, setting: ReconciliationSetting, actor: Actor): Promise<void> {
    await this.run(applicationId, actor, (now) => ({ type: 'ConfigureReconciliation', data: { applicationId, ...setting, now } }));
  }

  /** Replaces every credential of the application; an empty map removes them all. */
  async setCredentials(applicationId: string, credentials: Credentials, actor: Actor): Promise<void> {
    await this.registered(applicationId);
    const sealed = this.sealed(applicationId, credentials);
    await this.run(applicationId, actor, (now) => ({ type: 'SetCredentials', data: { applicationId, credentials: sealed, now } }));
  }

  async pause(applicationId: string, reason: string, actor: Actor): Promise<void> {
    await this.run(applicationId, actor, (now) => ({ type: 'PauseApplication', data: { applicationId, reason, now } }));
  }

  async resume(applicationId: string, reason: string, actor: Actor): Promise<void> {
    await this.run(applicationId, actor, (now) => ({ type: 'ResumeApplication', data: { applicationId, reason, now } }));
  }

  async changeOwner(applicationId: string, ownerEmployeeNumber: string, actor: Actor): Promise<void> {
    await this.run(applicationId, actor, (now) => ({ type: 'ChangeOwner', data: { applicationId, ownerEmployeeNumber, now } }));
  }

  /** What one account in the application costs per month (null: unknown or free): what reclaimed licenses save. */
  async setLicenseCost(applicationId: string, licenseCost: LicenseCost | null, actor: Actor): Promise<void> {
    await this.run(applicationId, actor, (now) => ({ type: 'SetLicenseCost', data: { applicationId, licenseCost, now } }));
  }

  private async registered(applicationId: string) {
    const state: ApplicationState = await loadApplication(this.deps.store, applicationId);
    if (state.status === 'none') throw new DomainError('not_found', `application "${applicationId}" is not registered`, { applicationId });
    return state.application;
  }

  private validSettings(connectorType: ConnectorType, settings: unknown): ApplicationSettings {
    const parsed = this.deps.types[connectorType].settingsSchema.safeParse(settings ?? {});
    if (parsed.success) return parsed.data as ApplicationSettings;
    // Settings hold no secret values (secrets are referenced by name), so the problems may name them.
    const problems = parsed.error.issues.map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : 'settings'}: ${issue.message}`);
    throw new DomainError('validation', `the settings of a ${connectorType} application are not valid: ${problems.join('; ')}`, {
      field: 'settings',
      problems,
    });
  }

  private sealed(applicationId: string, credentials: Credentials): CredentialsSealed {
    for (const [name, value] of Object.entries(credentials)) {
      if (value === '') throw new DomainError('validation', `credential "${name}" is empty`, { field: 'credentials' });
    }
    return { names: Object.keys(credentials), sealed: this.deps.vault.seal(applicationId, credentials) };
  }

  private async run(applicationId: string, actor: Actor, command: (now: Date) => ApplicationCommand): Promise<void> {
    const now = this.deps.clock.now();
    const commandId = this.deps.ids.newId();
    await this.handle(applicationStreamId(applicationId), command(now), { commandId, actor, now });
  }
}

function knownConnectorType(value: string): ConnectorType {
  const known = z.enum(CONNECTOR_TYPES).safeParse(value);
  if (!known.success) {
    throw new DomainError('validation', `connector type "${value}" is not one of ${CONNECTOR_TYPES.join(', ')}`, {
      field: 'connectorType',
    });
  }
  return known.data;
}
