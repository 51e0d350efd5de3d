import { randomIds, type Clock } from '@tenure/event-sourcing';
import { migrate, PostgresEventStore } from '@tenure/event-store-postgres';
import { createLogger } from '@tenure/platform';
import { SCHEMA_MIGRATED_BEFOREHAND } from '@tenure/service-runtime';
import { createTestDatabase, type TestDatabase } from '@tenure/testing';
import { WorkflowRuntime } from '../application/workflow-runtime';

export interface WorkflowHarness {
  readonly database: TestDatabase;
  readonly store: PostgresEventStore;
  readonly runtime: WorkflowRuntime;
  /** Stops the running service parts and starts them again on the same database (a restart). */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/** The workflow service's parts as the running service has them, on a fresh database, without Nest and HTTP. */
export async function startWorkflowHarness(clock: Clock): Promise<WorkflowHarness> {
  const database = await createTestDatabase(4);
  await migrate(database.pool);
  let store = new PostgresEventStore({ connectionString: database.url, poolSize: 8 });
  let runtime = await startRuntime(store, clock);
  return {
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
}

async function startRuntime(store: PostgresEventStore, clock: Clock): Promise<WorkflowRuntime> {
  const runtime = new WorkflowRuntime({
    store,
    schema: SCHEMA_MIGRATED_BEFOREHAND,
    clock,
    ids: randomIds,
    logger: createLogger('workflow-test', 'silent'),
  });
  await runtime.start();
  return runtime;
}
