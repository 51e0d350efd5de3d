import type { RecordedEvent, Subscription } from '@tenure/event-sourcing';
import { newEvents, uniqueCategory } from '@tenure/event-store-contract';
import { createTestDatabase, type TestDatabase } from '@tenure/testing';
import { Client } from 'pg';
import { migrate } from './schema/migrate';
import { PostgresEventStore } from './postgres-event-store';

/**
 * The global log must be gap-free for readers: a transaction that commits after a later-numbered
 * one must still be seen, by every subscriber, exactly once and in the same order.
 */
describe('PostgreSQL global order under concurrent writers', () => {
  let database: TestDatabase;
  const stores: PostgresEventStore[] = [];

  beforeAll(async () => {
    database = await createTestDatabase(4);
    await migrate(database.pool);
  });
  afterAll(async () => {
    await Promise.all(stores.map((s) => s.close()));
    await database.drop();
  });

  function connect(poolSize = 4): PostgresEventStore {
    const store = new PostgresEventStore({ connectionString: database.url, poolSize });
    stores.push(store);
    return store;
  }

  /** Appends inside an explicit transaction that stays open until `commit` or `rollback` is called. */
  async function openAppend(streamId: string, count: number) {
    const client = new Client({ connectionString: database.url });
    await client.connect();
    const events = newEvents(count, 'Slow');
    await client.query('BEGIN');
    await client.query('SELECT * FROM tenure_append($1, $2, NULL, $3::text[], $4::text[], $5::jsonb[], $6::jsonb[], false)', [
      streamId,
      'any',
      events.map((e) => e.metadata.eventId),
      events.map((e) => e.type),
      events.map((e) => JSON.stringify(e.data)),
      events.map((e) => JSON.stringify(e.metadata)),
    ]);
    const finish = async (sql: 'COMMIT' | 'ROLLBACK') => {
      await client.query(sql);
      await client.end();
      // An out-of-band commit sends no notification: wake subscribers the way a store would.
      if (sql === 'COMMIT') await database.pool.query("SELECT pg_notify('tenure_events', '')");
    };
    return { ids: events.map((e) => e.metadata.eventId), commit: () => finish('COMMIT'), rollback: () => finish('ROLLBACK') };
  }

  it('given an earlier transaction commits after a later one, then a naive sequence reader skips it but the store does not', async () => {
    const store = connect();
    const category = uniqueCategory();
    const filter = { streamPrefixes: [`${category}-`] };
    const naiveRead = async (after: string) =>
      (
        await database.pool.query<{ global_position: string; event_id: string }>(
          `SELECT global_position::text, event_id FROM tenure_events WHERE stream_id LIKE $1 AND global_position > $2 ORDER BY global_position`,
          [`${category}-%`, after],
        )
      ).rows;

    const slow = await openAppend(`${category}-slow`, 1); // takes the lower sequence number, commits last
    await store.appendToStream(`${category}-fast`, newEvents(1, 'Fast'));

    const naiveFirst = await naiveRead('0');
    expect(naiveFirst).toHaveLength(1); // only the fast one is visible yet
    expect(await store.readAll({ filter })).toHaveLength(0); // held back until the older transaction ends

    await slow.commit();
    const naiveLater = await naiveRead(naiveFirst[0]!.global_position);
    expect(naiveLater).toHaveLength(0); // the naive reader has passed the slow event for good

    const all = await store.readAll({ filter });
    expect(all.map((e) => e.type)).toEqual(['Slow', 'Fast']);
  });

  it('given 16 concurrent writers with slow and rolled-back transactions, then 3 subscribers in separate connections see every committed event exactly once, in one identical order', async () => {
    const category = uniqueCategory();
    const filter = { streamPrefixes: [`${category}-`] };
    const seen: RecordedEvent[][] = [[], [], []];
    const subscriptions: Subscription[] = [];
    for (const [i, list] of seen.entries()) {
      const subscriber = connect(2);
      subscriptions.push(
        await subscriber.subscribeToAll({ subscriptionId: `order-${category}-${i}`, filter, handle: async (e) => void list.push(e) }),
      );
    }

    const writer = connect(20);
    const committed = new Set<string>();
    const rolledBack = new Set<string>();
    const writers = Array.from({ length: 16 }, async (_, w) => {
      for (let n = 0; n < 40; n++) {
        const stream = `${category}-${w % 4 === 0 ? 'shared' : `w${w}`}-${n % 5}`;
        if (n % 10 === 3) {
          const open = await openAppend(stream, 2);
          await new Promise((resolve) => setTimeout(resolve, 5 + ((w * 7 + n) % 25)));
          const keep = n % 20 !== 3;
          await (keep ? open.commit() : open.rollback());
          for (const id of open.ids) (keep ? committed : rolledBack).add(id);
        } else {
          const events = newEvents(1 + ((w + n) % 3));
          await writer.appendToStream(stream, events);
          for (const e of events) committed.add(e.metadata.eventId);
        }
      }
    });
    await Promise.all(writers);
    await Promise.all(subscriptions.map((s) => s.waitUntilCaughtUp(30_000)));

    const log = (await writer.readAll({ filter })).map((e) => e.metadata.eventId);
    expect(rolledBack.size).toBeGreaterThan(0);
    expect(log).toHaveLength(committed.size);
    expect(new Set(log)).toEqual(committed);
    for (const list of seen) {
      const ids = list.map((e) => e.metadata.eventId);
      expect(ids).toEqual(log); // same events, same order, no duplicates, nothing rolled back
    }
    // Within each stream the global order follows the revisions.
    const lastRevision = new Map<string, bigint>();
    for (const event of seen[0]!) {
      const previous = lastRevision.get(event.streamId) ?? -1n;
      expect(event.revision).toBe(previous + 1n);
      lastRevision.set(event.streamId, event.revision);
    }
  }, 60_000);
});
