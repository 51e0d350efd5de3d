import type { RecordedEvent } from '@tenure/event-sourcing';
import { newEvents, uniqueCategory } from '@tenure/event-store-contract';
import type { PoolClient } from 'pg';
import type { PostgresEventStore } from '../postgres-event-store';
import type { Projection } from './projection';
import { startProjection } from './projection-runner';
import { rebuildProjection, type RebuildProgress } from './rebuild-projection';
import { openMigratedStore } from '../testing/migrated-store';

/** A read model counting events per stream; `failOn` lets a test plant a poison event. */
function streamCounts(category: string, failOn: { type?: string } = {}): Projection {
  const table = `counts_${category}`;
  return {
    name: `counts-${category}`,
    filter: { streamPrefixes: [`${category}-`] },
    setup: async (c: PoolClient) =>
      void (await c.query(`CREATE TABLE IF NOT EXISTS ${table} (stream_id text PRIMARY KEY, events int NOT NULL)`)),
    reset: async (c: PoolClient) => void (await c.query(`TRUNCATE ${table}`)),
    async apply(event: RecordedEvent, c: PoolClient) {
      if (event.type === failOn.type) throw new Error(`cannot project ${event.type}`);
      await c.query(
        `INSERT INTO ${table} (stream_id, events) VALUES ($1, 1) ON CONFLICT (stream_id) DO UPDATE SET events = ${table}.events + 1`,
        [event.streamId],
      );
    },
  };
}

describe('projection runner', () => {
  let store: PostgresEventStore;
  let close: () => Promise<void>;

  beforeAll(async () => ({ store, close } = await openMigratedStore(4)));
  afterAll(() => close());

  async function counts(category: string): Promise<Record<string, number>> {
    const { rows } = await store.pool.query<{ stream_id: string; events: number }>(`SELECT stream_id, events FROM counts_${category}`);
    return Object.fromEntries(rows.map((r) => [r.stream_id, r.events]));
  }

  it('given events before and after it starts, then the read model counts each exactly once, also across a restart', async () => {
    const category = uniqueCategory();
    await store.appendToStream(`${category}-a`, newEvents(3));
    const projection = streamCounts(category);
    const first = await startProjection({ pool: store.pool, notifier: store.wakeups, projection, batchSize: 2 });
    await store.appendToStream(`${category}-b`, newEvents(2));
    await first.waitUntilCaughtUp(10_000);
    await first.stop();

    await store.appendToStream(`${category}-a`, newEvents(1));
    const second = await startProjection({ pool: store.pool, notifier: store.wakeups, projection });
    await second.waitUntilCaughtUp(10_000);
    await second.stop();

    expect(await counts(category)).toEqual({ [`${category}-a`]: 4, [`${category}-b`]: 2 });
  });

  it('given a poison event inside a batch, then the events before it are kept, the runner stops naming it, and a fixed projection resumes there', async () => {
    const category = uniqueCategory();
    await store.appendToStream(`${category}-a`, [...newEvents(2), ...newEvents(1, 'Poison'), ...newEvents(1)]);
    const stopped = new Promise<unknown>(
      (resolve) =>
        void startProjection({
          pool: store.pool,
          notifier: store.wakeups,
          projection: streamCounts(category, { type: 'Poison' }),
          onStopped: resolve,
        }),
    );
    expect(String(await stopped)).toMatch(/stopped at Poison .*@2/);
    expect(await counts(category)).toEqual({ [`${category}-a`]: 2 });

    const fixed = await startProjection({ pool: store.pool, notifier: store.wakeups, projection: streamCounts(category) });
    await fixed.waitUntilCaughtUp(10_000);
    await fixed.stop();
    expect(await counts(category)).toEqual({ [`${category}-a`]: 4 });
  });

  it('rebuilds from position 0 with progress reports to the same result as the live read model', async () => {
    const category = uniqueCategory();
    for (let i = 0; i < 10; i++) await store.appendToStream(`${category}-${i % 3}`, newEvents(25));
    const projection = streamCounts(category);
    const live = await startProjection({ pool: store.pool, notifier: store.wakeups, projection });
    await live.waitUntilCaughtUp(10_000);
    await live.stop();
    const before = await counts(category);

    await store.pool.query(`UPDATE counts_${category} SET events = 0`); // a damaged read model
    const progress: RebuildProgress[] = [];
    const result = await rebuildProjection(store.pool, store.wakeups, projection, { batchSize: 40, onProgress: (p) => progress.push(p) });

    expect(result.applied).toBe(250);
    expect(await counts(category)).toEqual(before);
    expect(progress.length).toBeGreaterThanOrEqual(7);
    expect(progress.at(-1)).toMatchObject({ applied: 250, total: 250 });
    expect(progress.map((p) => p.applied)).toEqual([...progress.map((p) => p.applied)].sort((a, b) => a - b));
  });

  it('given two instances starting the same projections at the same moment on a new database, when both set them up, then both start (no race on creating the tables)', async () => {
    // Given: eight read models, each started twice at once, as two instances of a service do.
    const projections = Array.from({ length: 8 }, () => streamCounts(uniqueCategory().replace(/-/g, '_')));

    // When
    const started = await Promise.allSettled(
      projections.flatMap((projection) => [0, 1].map(() => startProjection({ pool: store.pool, notifier: store.wakeups, projection }))),
    );

    // Then
    const failures = started.flatMap((outcome) => (outcome.status === 'rejected' ? [String(outcome.reason)] : []));
    await Promise.all(started.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value.stop()] : [])));
    expect(failures).toEqual([]);
  });
});
