import { newEvents, uniqueCategory } from '@tenure/event-store-contract';
import type { TestDatabase } from '@tenure/testing';
import { positionParams } from './event-rows';
import { followerQuery } from './log-follower';
import type { PostgresEventStore } from './postgres-event-store';
import { openMigratedStore } from './testing/migrated-store';

/**
 * Subscribers poll this query on every wake-up: if it ever scans the whole table, lag grows with
 * the size of the log (docs/benchmarks.md measured 210 ms at 300,000 events). Guard the plan.
 */
describe('query plans of the hot paths', () => {
  let store: PostgresEventStore;
  let database: TestDatabase;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ database, store, close } = await openMigratedStore(2));
    const category = uniqueCategory();
    for (let i = 0; i < 40; i++) await store.appendToStream(`${category}-${i % 7}`, newEvents(100));
    await database.pool.query('ANALYZE tenure_events');
  });
  afterAll(() => close());

  async function plan(sql: string, params: unknown[]): Promise<string> {
    const { rows } = await database.pool.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${sql}`, params);
    return rows.map((r) => r['QUERY PLAN']).join('\n');
  }

  it.each([
    ['without a filter', undefined],
    ['with a stream prefix filter', { streamPrefixes: ['nothing-'] }],
  ])('the follower reads the log through the primary key, %s', async (_, filter) => {
    // A reader half-way through the log (a caught-up one is nearer the end, which is easier).
    // Without the plain `transaction_id >=` clause next to the row comparison, this one seq-scans.
    const log = await store.readAll({ maxCount: 4_000 });
    const query = followerQuery(filter);
    const text = await plan(query.sql, [...positionParams(log[2_000]!.position), 500, ...query.params]);
    expect(text).not.toMatch(/Seq Scan on tenure_events/);
    expect(text).toMatch(/Index (Only )?Scan( Backward)? using tenure_events_pkey/);
  });
});
