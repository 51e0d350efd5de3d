import { randomBytes } from 'node:crypto';
import { randomIds, type Actor, type Clock } from '@tenure/event-sourcing';
import { migrate, PostgresEventStore } from '@tenure/event-store-postgres';
import { createLogger } from '@tenure/platform';
import { SCHEMA_MIGRATED_BEFOREHAND } from '@tenure/service-runtime';
import { createTestDatabase, TestClock, type TestDatabase } from '@tenure/testing';

export { TestClock };
import { ConnectorRuntime } from '../application/connector-runtime';
import { CredentialsVault } from '../application/credentials/credentials-vault';
import { connectorTypes } from '../connectors/connector-types';

export const ADMIN: Actor = { kind: 'person', id: 'admin-token' };

/** A fresh credentials key, as `openssl rand -base64 32` makes one. */
export function newCredentialsKey(): string {
  return randomBytes(32).toString('base64');
}

export interface ConnectorHarness {
  readonly database: TestDatabase;
  readonly store: PostgresEventStore;
  readonly runtime: ConnectorRuntime;
  stop(): Promise<void>;
}

/** The application on a store, its read models not started: e.g. a second instance configured with another key. */
export function connectorRuntime(store: PostgresEventStore, clock: Clock, env: NodeJS.ProcessEnv): ConnectorRuntime {
  return new ConnectorRuntime({
    store,
    schema: SCHEMA_MIGRATED_BEFOREHAND,
    clock,
    ids: randomIds,
    logger: createLogger('connector-test', 'silent'),
    types: connectorTypes,
    vault: new CredentialsVault(env),
  });
}

/** The connector service's parts as the running service has them, on a fresh database, without Nest and HTTP. */
export async function startConnectorHarness(
  clock: Clock,
  env: NodeJS.ProcessEnv = { CONNECTOR_CREDENTIALS_KEY: newCredentialsKey() },
): Promise<ConnectorHarness> {
  const database = await createTestDatabase(4);
  await migrate(database.pool);
  const store = new PostgresEventStore({ connectionString: database.url, poolSize: 8 });
  const runtime = connectorRuntime(store, clock, env);
  await runtime.start();
  return {
    database,
    store,
    runtime,
    async stop() {
      await runtime.stop();
      await store.close();
      await database.drop();
    },
  };
}
