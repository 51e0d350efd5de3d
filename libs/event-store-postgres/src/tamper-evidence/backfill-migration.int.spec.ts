import { newEvents, uniqueCategory } from '@tenure/event-store-contract';
import { createTestDatabase, type TestDatabase } from '@tenure/testing';
import { PostgresEventStore } from '../postgres-event-store';
import { migrate } from '../schema/migrate';
import { MIGRATIONS } from '../schema/schema.sql';
import { verifyEventLog } from './verify-event-log';

describe('tamper evidence migration', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase(2);
  });
  afterAll(() => database.drop());

  it('given events appended before migration 3, when it is applied, then their chains are backfilled and new appends extend them', async () => {
    await database.pool.query(
      'CREATE TABLE tenure_schema_migrations (version int PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    for (const migration of MIGRATIONS.filter((m) => m.version < 3)) {
      await database.pool.query(migration.sql);
      await database.pool.query('INSERT INTO tenure_schema_migrations (version) VALUES ($1)', [migration.version]);
    }
    const category = uniqueCategory();
    const store = new PostgresEventStore({ connectionString: database.url, poolSize: 2 });
    for (let i = 0; i < 3; i++) await store.appendToStream(`${category}-${i}`, newEvents(4));

    // Migration 3 and every later one (4: the personal data keys).
    expect((await migrate(database.pool)).applied).toEqual(MIGRATIONS.filter((m) => m.version >= 3).map((m) => m.version));
    const backfilled = await verifyEventLog(database.pool);
    await store.appendToStream(`${category}-0`, newEvents(2), { expectedRevision: 3n });
    await store.appendToStream(`${category}-new`, newEvents(1), { expectedRevision: 'no_stream' });
    const extended = await verifyEventLog(database.pool);
    await store.close();

    expect(backfilled).toMatchObject({ intact: true, events: 12, streams: 3 });
    expect(extended).toMatchObject({ intact: true, events: 15, streams: 4 });
  });
});
