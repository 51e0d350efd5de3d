import type { Actor, Clock, EventStore, IdGenerator } from '@tenure/event-sourcing';
import type { Logger } from '@tenure/platform';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The connector service loaded from its build output (`services/connector/dist`) at run time: the
 * bench and the connector service are both apps, and the Nx module-boundary rule forbids one app
 * importing another, so nothing here is a static import. The shapes below are the members the
 * benchmark calls; the connector service's own types stay the source of truth. `npm run bench`
 * builds the connector service first (an implicit Nx dependency of the bench).
 */
export interface TargetConnectorView {
  getAccount(userName: string): Promise<unknown>;
  createAccount(spec: Record<string, string>): Promise<unknown>;
  grant(userName: string, entitlementKey: string): Promise<void>;
  revoke(userName: string, entitlementKey: string): Promise<void>;
  disableAccount(userName: string): Promise<void>;
  close(): Promise<void>;
}

export interface ConnectorRuntimeView {
  readonly applications: {
    register(
      input: {
        applicationId: string;
        name: string;
        connectorType: 'simulated';
        settings: Record<string, unknown>;
        credentials: Record<string, string>;
        ownerEmployeeNumber: string;
        enabled: boolean;
      },
      actor: Actor,
    ): Promise<void>;
  };
  readonly provisioning: { plannerCaughtUp(timeoutMs?: number): Promise<void> };
  start(): Promise<void>;
  readModelsCaughtUp(timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

export interface ProvisioningSettingsView {
  readonly worker: boolean;
  readonly concurrency: number;
  readonly pollMs: number;
  readonly [setting: string]: unknown;
}

export interface ConnectorDist {
  newRuntime(deps: {
    store: EventStore;
    clock: Clock;
    ids: IdGenerator;
    logger: Logger;
    provisioning: (defaults: ProvisioningSettingsView) => ProvisioningSettingsView;
  }): ConnectorRuntimeView;
  /** A simulated SaaS connector built exactly as the service builds one for an application with these settings. */
  simulatedConnector(settings: Record<string, unknown>): TargetConnectorView;
}

const CONNECTOR_DIST = resolve(__dirname, '../../../../services/connector/dist');

function load<T>(file: string): T {
  const entry = join(CONNECTOR_DIST, file);
  if (!existsSync(entry))
    throw new Error(`${entry} is missing: build the connector service first (npx nx run @tenure/connector-service:build)`);
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- an app's build output, loaded at run time (see above)
  return require(entry) as T;
}

export function loadConnectorDist(): ConnectorDist {
  const { ConnectorRuntime } = load<{ ConnectorRuntime: new (deps: Record<string, unknown>) => ConnectorRuntimeView }>(
    'application/connector-runtime.js',
  );
  const { connectorTypes } = load<{
    connectorTypes: { simulated: { settingsSchema: { parse(value: unknown): unknown }; create(settings: unknown): TargetConnectorView } };
  }>('connectors/connector-types.js');
  const { CredentialsVault } = load<{ CredentialsVault: new (env: NodeJS.ProcessEnv) => unknown }>(
    'application/credentials/credentials-vault.js',
  );
  const { DEFAULT_PROVISIONING_SETTINGS } = load<{ DEFAULT_PROVISIONING_SETTINGS: ProvisioningSettingsView }>(
    'provisioning/provisioning-settings.js',
  );
  // The event store schema is migrated by the benchmark before the runtime starts.
  const appliedSchema = { isApplied: true, whenApplied: () => Promise.resolve() };
  return {
    newRuntime: ({ store, clock, ids, logger, provisioning }) =>
      new ConnectorRuntime({
        store,
        schema: appliedSchema,
        clock,
        ids,
        logger,
        types: connectorTypes,
        vault: new CredentialsVault({}),
        provisioning: provisioning(DEFAULT_PROVISIONING_SETTINGS),
      }),
    simulatedConnector: (settings) => connectorTypes.simulated.create(connectorTypes.simulated.settingsSchema.parse(settings)),
  };
}

/** Creates a bench person's account in a target, as a connector would for a joiner. */
export async function createBenchAccount(connector: TargetConnectorView, userName: string): Promise<void> {
  await connector.createAccount({
    userName,
    givenName: 'Bench',
    familyName: userName,
    displayName: `Bench ${userName}`,
    email: `${userName}@bench.example`,
    identityId: userName,
    employeeNumber: userName,
  });
}
