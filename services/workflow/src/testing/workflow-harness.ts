import { randomIds, type Clock } from '@tenure/event-sourcing';
import { migrate, PostgresEventStore } from '@tenure/event-store-postgres';
import { createLogger } from '@tenure/platform';
import { SCHEMA_MIGRATED_BEFOREHAND } from '@tenure/service-runtime';
import { createTestDatabase, type TestDatabase } from '@tenure/testing';
import { DEFAULT_REVIEW_SETTINGS } from '../application/reviews/review-settings';
import { WorkflowRuntime } from '../application/workflow-runtime';
import type { NotificationMetrics } from '../application/notifications/notification-metrics';
import { DEFAULT_NOTIFICATION_SETTINGS, type NotificationSettings } from '../application/notifications/notification-settings';

export interface WorkflowHarnessOptions {
  /** Email and Slack for notifications; none unless given (the tests' own SMTP server and Slack stand-in). */
  readonly notificationSettings?: NotificationSettings;
  readonly notificationMetrics?: NotificationMetrics;
}

export interface WorkflowHarness {
  readonly database: TestDatabase;
  readonly store: PostgresEventStore;
  readonly runtime: WorkflowRuntime;
  /**
   * Stops the running service parts and starts them again on the same database (a restart).
   * `whileStopped` runs in between: move the clock past a due time, append what happened meanwhile.
   */
  restart(whileStopped?: () => unknown): Promise<void>;
  stop(): Promise<void>;
}

/** The workflow service's parts as the running service has them, on a fresh database, without Nest and HTTP. */
export async function startWorkflowHarness(clock: Clock, options: WorkflowHarnessOptions = {}): Promise<WorkflowHarness> {
  const database = await createTestDatabase(4);
  await migrate(database.pool);
  let store = new PostgresEventStore({ connectionString: database.url, poolSize: 8 });
  let runtime = await startRuntime(store, clock, options);
  return {
    database,
    get store() {
      return store;
    },
    get runtime() {
      return runtime;
    },
    async restart(whileStopped?: () => unknown) {
      await runtime.stop();
      await whileStopped?.();
      await store.close();
      store = new PostgresEventStore({ connectionString: database.url, poolSize: 8 });
      runtime = await startRuntime(store, clock, options);
    },
    async stop() {
      await runtime.stop();
      await store.close();
      await database.drop();
    },
  };
}

async function startRuntime(store: PostgresEventStore, clock: Clock, options: WorkflowHarnessOptions): Promise<WorkflowRuntime> {
  const runtime = new WorkflowRuntime({
    store,
    schema: SCHEMA_MIGRATED_BEFOREHAND,
    clock,
    ids: randomIds,
    logger: createLogger('workflow-test', 'silent'),
    // Review timers look for due work often, so a test that moves the clock sees them fire soon.
    reviewSettings: { ...DEFAULT_REVIEW_SETTINGS, timerPollMs: 100 },
    notificationSettings: options.notificationSettings ?? DEFAULT_NOTIFICATION_SETTINGS,
    notificationMetrics: options.notificationMetrics,
  });
  await runtime.start();
  return runtime;
}
