import { describeEventStoreContract } from '@tenure/event-store-contract';
import { createTestDatabase } from '@tenure/testing';
import { migrate } from './schema/migrate';
import { PostgresEventStore } from './postgres-event-store';

describeEventStoreContract('PostgreSQL', async () => {
  const database = await createTestDatabase(2);
  await migrate(database.pool);
  const store = new PostgresEventStore({ connectionString: database.url });
  return {
    store,
    async teardown() {
      await store.close();
      await database.drop();
    },
  };
});
