import { createTestDatabase, type TestDatabase } from '@tenure/testing';
import { PostgresEventStore } from '../postgres-event-store';
import { migrate } from '../schema/migrate';

export interface MigratedStore {
  readonly database: TestDatabase;
  readonly store: PostgresEventStore;
  /** Closes the store and drops the database. */
  close(): Promise<void>;
}

/** A store on a fresh test database with the schema applied: the setup of most tests here. */
export async function openMigratedStore(poolSize = 4): Promise<MigratedStore> {
  const database = await createTestDatabase(poolSize);
  await migrate(database.pool);
  const store = new PostgresEventStore({ connectionString: database.url, poolSize });
  return {
    database,
    store,
    async close() {
      await store.close();
      await database.drop();
    },
  };
}
