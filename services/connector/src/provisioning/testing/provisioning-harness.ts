import { createSimulatedSaasConnector, SimulatedTargets, type SimulatedSaasSettingsInput } from '@tenure/connector-simulated';
import { randomIds } from '@tenure/event-sourcing';
import { migrate, PostgresEventStore } from '@tenure/event-store-postgres';
import { createLogger } from '@tenure/platform';
import { SCHEMA_MIGRATED_BEFOREHAND, type ServiceMetrics } from '@tenure/service-runtime';
import { createTestDatabase, waitFor, type TestClock, type TestDatabase } from '@tenure/testing';
import { ConnectorRuntime } from '../../application/connector-runtime';
import { CredentialsVault } from '../../application/credentials/credentials-vault';
import type { ApplicationRegistration } from '../../application/application-administration';
import { connectorTypes, type ConnectorTypes } from '../../connectors/connector-types';
import type { OperationStatus } from '../../read-model/operations/operations.table';
import { ADMIN, newCredentialsKey } from '../../testing/connector-harness';
import { DEFAULT_PROVISIONING_SETTINGS, type ProvisioningSettings } from '../provisioning-settings';

export interface ProvisioningHarness {
  readonly database: TestDatabase;
  readonly store: PostgresEventStore;
  readonly runtime: ConnectorRuntime;
  /** Stops the runtime and starts a new one on the same database and targets (a service restart). */
  restart(): Promise<void>;
  /** The simulated applications' data, this harness's own (not the process-wide one). */
  readonly targets: SimulatedTargets;
  /** Registers a simulated application whose target lives in `targets`, with its network time on the test clock. */
  registerSimulated(
    applicationId: string,
    settings: Omit<Partial<SimulatedSaasSettingsInput>, 'entitlements'> & { entitlements: string[] },
  ): Promise<void>;
  register(
    registration: Partial<ApplicationRegistration> & Pick<ApplicationRegistration, 'applicationId' | 'connectorType'>,
  ): Promise<void>;
  /** Waits until the planner turned every committed assignment and termination into operations, and the read models show them. */
  settled(): Promise<void>;
  /** Waits until the operation reaches one of these statuses (moving nothing: tests move the clock themselves). */
  waitForStatus(operationId: string, ...statuses: OperationStatus[]): Promise<void>;
  /** The event types of an operation's stream, in order. */
  eventTypes(operationId: string): Promise<string[]>;
  stop(): Promise<void>;
}

/**
 * The connector service's runtime with provisioning on a fresh database: fast polling, the test
 * clock, a jitter the test chooses, and simulated targets of its own whose rate-limit windows
 * follow the test clock.
 */
export async function startProvisioningHarness(
  clock: TestClock,
  options: {
    readonly settings?: Partial<ProvisioningSettings>;
    readonly random?: () => number;
    /** Metrics kept on the harness's store (the service makes them on its own). */
    readonly metrics?: (store: PostgresEventStore) => ServiceMetrics;
  } = {},
): Promise<ProvisioningHarness> {
  const database = await createTestDatabase(4);
  await migrate(database.pool);
  const store = new PostgresEventStore({ connectionString: database.url, poolSize: 12 });
  const targets = new SimulatedTargets();
  const time = { now: () => clock.now().getTime(), sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)) };
  const types: ConnectorTypes = {
    ...connectorTypes,
    simulated: { ...connectorTypes.simulated, create: (settings) => createSimulatedSaasConnector(settings, { targets, time }) },
  };
  const vault = new CredentialsVault({ CONNECTOR_CREDENTIALS_KEY: newCredentialsKey() });
  const metrics = options.metrics?.(store);
  const newRuntime = () =>
    new ConnectorRuntime({
      store,
      schema: SCHEMA_MIGRATED_BEFOREHAND,
      clock,
      ids: randomIds,
      logger: createLogger('provisioning-test', 'silent'),
      types,
      vault,
      provisioning: { ...DEFAULT_PROVISIONING_SETTINGS, pollMs: 20, lingerMs: 100, ...options.settings },
      random: options.random ?? (() => 0.5),
      ...(metrics ? { metrics } : {}),
    });
  let runtime = newRuntime();
  await runtime.start();

  const register: ProvisioningHarness['register'] = (registration) =>
    runtime.applications.register(
      { name: registration.applicationId, settings: {}, credentials: {}, ownerEmployeeNumber: '10005', enabled: true, ...registration },
      ADMIN,
    );

  const harness: ProvisioningHarness = {
    database,
    store,
    get runtime() {
      return runtime;
    },
    async restart() {
      await runtime.stop();
      runtime = newRuntime();
      await runtime.start();
    },
    targets,
    register,
    async registerSimulated(applicationId, { entitlements, ...settings }) {
      await register({
        applicationId,
        connectorType: 'simulated',
        settings: {
          application: applicationId,
          entitlements: entitlements.map((key) => ({ key, displayName: key })),
          ...settings,
        },
      });
    },
    async settled() {
      await runtime.readModelsCaughtUp();
      await runtime.provisioning.plannerCaughtUp();
      await runtime.readModelsCaughtUp();
    },
    async waitForStatus(operationId, ...statuses) {
      await waitFor(
        `operation ${operationId} to be ${statuses.join(' or ')}`,
        async () => {
          await runtime.readModelsCaughtUp();
          const operation = await runtime.provisioning.queries.operation(operationId);
          return operation && statuses.includes(operation.status) ? true : undefined;
        },
        30_000,
      );
    },
    async eventTypes(operationId) {
      return (await store.readStream(`operation-${operationId}`)).map((event) => event.type);
    },
    async stop() {
      await runtime.stop();
      await store.close();
      await database.drop();
    },
  };
  return harness;
}
