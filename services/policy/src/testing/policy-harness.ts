import { randomIds, type Actor, type Clock } from '@tenure/event-sourcing';
import { migrate, PostgresEventStore } from '@tenure/event-store-postgres';
import { createLogger } from '@tenure/platform';
import { SCHEMA_MIGRATED_BEFOREHAND } from '@tenure/service-runtime';
import { createTestDatabase, TestClock, type TestDatabase } from '@tenure/testing';

export { TestClock };
import { AssignmentsAsHeldEntitlements } from '../application/held-entitlements';
import { PolicyRuntime } from '../application/policy-runtime';

export const ADMIN: Actor = { kind: 'person', id: 'admin-token' };

export interface PolicyHarness {
  readonly database: TestDatabase;
  readonly store: PostgresEventStore;
  readonly runtime: PolicyRuntime;
  /** Stops the running service parts and starts them again on the same database (a restart). */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/** The policy service's parts as the running service has them, on a fresh database, without Nest and HTTP. */
export async function startPolicyHarness(clock: Clock): Promise<PolicyHarness> {
  const database = await createTestDatabase(4);
  await migrate(database.pool);
  let store = new PostgresEventStore({ connectionString: database.url, poolSize: 8 });
  let runtime = await startRuntime(store, clock);
  const harness = {
    database,
    get store() {
      return store;
    },
    get runtime() {
      return runtime;
    },
    async restart() {
      await runtime.stop();
      await store.close();
      store = new PostgresEventStore({ connectionString: database.url, poolSize: 8 });
      runtime = await startRuntime(store, clock);
    },
    async stop() {
      await runtime.stop();
      await store.close();
      await database.drop();
    },
  };
  return harness;
}

async function startRuntime(store: PostgresEventStore, clock: Clock): Promise<PolicyRuntime> {
  const runtime = new PolicyRuntime({
    store,
    schema: SCHEMA_MIGRATED_BEFOREHAND,
    clock,
    ids: randomIds,
    logger: createLogger('policy-test', 'silent'),
    held: new AssignmentsAsHeldEntitlements(store.pool),
    timerPollMs: 50,
  });
  await runtime.start();
  return runtime;
}
