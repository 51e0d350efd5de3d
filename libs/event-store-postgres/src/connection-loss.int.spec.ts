import type { PostgresEventStore } from './postgres-event-store';
import { openMigratedStore } from './testing/migrated-store';

describe("the store's connections when the server drops one", () => {
  let store: PostgresEventStore;
  let close: () => Promise<void>;

  beforeAll(async () => ({ store, close } = await openMigratedStore(3)));
  afterAll(() => close());

  it('given a client checked out between two queries, when the server ends its session, then the process lives on, the next query fails and the pool discards the client', async () => {
    // Given
    const client = await store.pool.connect();
    const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');

    // When: as a restart of PostgreSQL or a network reset would (pg then emits 'error' on the client,
    // which nothing but the store's own listener is listening to while it is checked out).
    await store.pool.query('SELECT pg_terminate_backend($1)', [rows[0]!.pid]);
    await new Promise((resolve) => setTimeout(resolve, 200));

    // Then
    await expect(client.query('SELECT 1')).rejects.toThrow();
    client.release();
    expect((await store.pool.query<{ one: number }>('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
  });
});
