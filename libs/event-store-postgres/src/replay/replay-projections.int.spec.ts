import type { RecordedEvent } from '@tenure/event-sourcing';
import { newEvents, uniqueCategory } from '@tenure/event-store-contract';
import type { PoolClient } from 'pg';
import type { PostgresEventStore } from '../postgres-event-store';
import type { Projection } from '../projections/projection';
import { startProjection, type RunningProjection } from '../projections/projection-runner';
import { openMigratedStore } from '../testing/migrated-store';
import type { TestDatabase } from '@tenure/testing';
import { cancelTimer, scheduleTimer } from '../timers/timer-schedule';
import { checkConsistency } from './consistency-check';
import { ReplayBusyError } from './replay-lock';
import type { ReplayProgress } from './replay-progress';
import { replayProjections } from './replay-projections';

/** Counts events per stream; `seq` numbers rows in the order they were first written. */
function streamCounts(category: string): Projection {
  const table = `counts_${category}`;
  return {
    name: `counts-${category}`,
    filter: { streamPrefixes: [`${category}-`] },
    setup: async (c: PoolClient) =>
      void (await c.query(`CREATE TABLE IF NOT EXISTS ${table} (seq bigserial, stream_id text PRIMARY KEY, events int NOT NULL)`)),
    reset: async (c: PoolClient) => void (await c.query(`TRUNCATE ${table}`)),
    async apply(event: RecordedEvent, c: PoolClient) {
      await c.query(
        `INSERT INTO ${table} (stream_id, events) VALUES ($1, 1) ON CONFLICT (stream_id) DO UPDATE SET events = ${table}.events + 1`,
        [event.streamId],
      );
    },
  };
}

/** Schedules a timer (due at once) at a stream's Start and cancels it at its Stop, as expiry timers are kept. */
function startStopTimers(category: string): Projection {
  const kind = `due-${category}`;
  return {
    name: `timers-${category}`,
    filter: { streamPrefixes: [`${category}-`] },
    setup: async () => undefined,
    reset: async () => undefined,
    async apply(event: RecordedEvent, c: PoolClient) {
      const timerId = `${kind}:${event.streamId}`;
      if (event.type === 'Start')
        await scheduleTimer(c, { timerId, kind, dueAt: new Date('2026-01-01T00:00:00Z'), payload: { stream: event.streamId } });
      if (event.type === 'Stop') await cancelTimer(c, timerId);
    },
  };
}

/** Records, in the order applied, the positions of the events its filter lets through. */
function logOrder(name: string, filter: Projection['filter']): Projection {
  const table = `order_${name}`;
  return {
    name: `order-${name}`,
    ...(filter ? { filter } : {}),
    setup: async (c: PoolClient) =>
      void (await c.query(
        `CREATE TABLE IF NOT EXISTS ${table} (seq bigserial, stream_id text NOT NULL, type text NOT NULL, revision int NOT NULL)`,
      )),
    reset: async (c: PoolClient) => void (await c.query(`TRUNCATE ${table}`)),
    async apply(event: RecordedEvent, c: PoolClient) {
      await c.query(`INSERT INTO ${table} (stream_id, type, revision) VALUES ($1, $2, $3)`, [event.streamId, event.type, event.revision]);
    },
  };
}

describe('replay: blue-green rebuild and consistency check', () => {
  let store: PostgresEventStore;
  let database: TestDatabase;
  let close: () => Promise<void>;
  const running: RunningProjection[] = [];

  beforeAll(async () => ({ store, database, close } = await openMigratedStore(6)));
  afterEach(async () => void (await Promise.all(running.splice(0).map((r) => r.stop()))));
  afterAll(() => close());

  async function counts(category: string): Promise<Record<string, number>> {
    const { rows } = await store.pool.query<{ stream_id: string; events: number }>(`SELECT stream_id, events FROM counts_${category}`);
    return Object.fromEntries(rows.map((r) => [r.stream_id, r.events]));
  }

  async function live(projection: Projection): Promise<RunningProjection> {
    const runner = await startProjection({ pool: store.pool, notifier: store.wakeups, projection });
    running.push(runner);
    await runner.waitUntilCaughtUp(10_000);
    return runner;
  }

  const options = (projections: Projection[], onProgress?: (p: ReplayProgress) => void) => ({
    live: store.pool,
    connectionString: database.url,
    notifier: store.wakeups,
    projections,
    batchSize: 50,
    ...(onProgress ? { onProgress } : {}),
  });

  it('given a damaged live read model and appends during the rebuild, when replayed, then readers keep the old table until the switch and the rebuilt one counts every event exactly once, also after it', async () => {
    const category = uniqueCategory();
    for (let i = 0; i < 12; i++) await store.appendToStream(`${category}-${i % 3}`, newEvents(25));
    const projection = streamCounts(category);
    const runner = await live(projection);
    await store.pool.query(`UPDATE counts_${category} SET events = -1 WHERE stream_id = $1`, [`${category}-0`]); // damage

    const seenDuringRebuild: number[] = [];
    let appended = 0;
    const appends: Promise<unknown>[] = [];
    const result = await replayProjections(
      options([projection], (progress) => {
        if (progress.applied >= 100 && appended < 3) {
          appended += 1;
          appends.push(store.appendToStream(`${category}-1`, newEvents(2)));
          appends.push(
            store.pool
              .query<{ events: number }>(`SELECT events FROM counts_${category} WHERE stream_id = $1`, [`${category}-0`])
              .then(({ rows }) => seenDuringRebuild.push(rows[0]!.events)),
          );
        }
      }),
    );
    await Promise.all(appends);

    expect(seenDuringRebuild).toEqual([-1, -1, -1]);
    expect(result.tables).toEqual([`counts_${category}`]);
    expect(result.projections[0]).toMatchObject({ name: projection.name });
    await runner.waitUntilCaughtUp(10_000);
    expect(await counts(category)).toEqual({ [`${category}-0`]: 100, [`${category}-1`]: 106, [`${category}-2`]: 100 });

    await store.appendToStream(`${category}-2`, newEvents(3));
    await runner.waitUntilCaughtUp(10_000);
    expect(await counts(category)).toEqual({ [`${category}-0`]: 100, [`${category}-1`]: 106, [`${category}-2`]: 103 });
    const { rows } = await store.pool.query(`SELECT nspname FROM pg_namespace WHERE nspname LIKE 'tenure_replay%'`);
    expect(rows).toEqual([]);
  });

  it('given projections with different filters, when replayed from one read of the log in small batches, then each holds exactly its own events in log order', async () => {
    const category = uniqueCategory();
    for (let i = 0; i < 9; i++) {
      await store.appendToStream(`${category}a-${i % 2}`, newEvents(7, i % 3 === 0 ? 'Start' : 'Other'));
      await store.appendToStream(`${category}b-${i % 2}`, newEvents(4, 'Start'));
    }
    const byStream = logOrder(`${category}_a`, { streamPrefixes: [`${category}a-`] });
    const byType = logOrder(`${category}_t`, { streamPrefixes: [`${category}a-`, `${category}b-`], eventTypes: ['Start'] });
    const expected = async (where: string, prefixes: string[]) => {
      const { rows } = await store.pool.query<{ stream_id: string; type: string; revision: number }>(
        `SELECT stream_id, type, revision::int AS revision FROM tenure_events WHERE ${where} ORDER BY transaction_id, global_position`,
        [prefixes.map((prefix) => `${category}${prefix}-%`)],
      );
      return rows;
    };
    const applied = async (name: string) =>
      (await store.pool.query(`SELECT stream_id, type, revision FROM order_${name} ORDER BY seq`)).rows;

    const result = await replayProjections(options([byStream, byType]));

    expect(await applied(`${category}_a`)).toEqual(await expected(`stream_id LIKE ANY ($1)`, ['a']));
    expect(await applied(`${category}_t`)).toEqual(await expected(`stream_id LIKE ANY ($1) AND type = 'Start'`, ['a', 'b']));
    expect(result.projections).toEqual([
      { name: byStream.name, applied: 63, seconds: expect.any(Number) },
      { name: byType.name, applied: 21 + 36, seconds: expect.any(Number) },
    ]);
  });

  it('given indexes a projection looks rows up by and others only queries use, when replayed, then the first exist while it applies, the others are built after, and the switched table has all of them', async () => {
    const category = uniqueCategory();
    for (let i = 0; i < 8; i++) await store.appendToStream(`${category}-${i % 4}`, newEvents(6));
    const table = `indexed_${category}`;
    const indexes = [`${table}_lookup`, `${table}_listing`, `${table}_unique`];
    const scratchIndexes = async (c: PoolClient) =>
      (
        await c.query<{ name: string }>(`SELECT indexname AS name FROM pg_indexes WHERE tablename = $1 AND schemaname = current_schema()`, [
          table,
        ])
      ).rows
        .map((row) => row.name)
        .sort();
    const seenWhileApplying = new Set<string>();
    const projection: Projection = {
      ...logOrder(`${category}_i`, { streamPrefixes: [`${category}-`] }),
      lookupIndexes: [`${table}_lookup`],
      setup: async (c) =>
        void (await c.query(
          `CREATE TABLE IF NOT EXISTS ${table} (seq bigserial PRIMARY KEY, stream_id text NOT NULL, revision int NOT NULL);
           CREATE INDEX IF NOT EXISTS ${indexes[0]} ON ${table} (stream_id);
           CREATE INDEX IF NOT EXISTS ${indexes[1]} ON ${table} (revision DESC, stream_id);
           CREATE UNIQUE INDEX IF NOT EXISTS ${indexes[2]} ON ${table} (stream_id, revision)`,
        )),
      async apply(event, c) {
        for (const name of await scratchIndexes(c)) seenWhileApplying.add(name);
        await c.query(`INSERT INTO ${table} (stream_id, revision) VALUES ($1, $2)`, [event.streamId, event.revision]);
      },
    };

    await replayProjections(options([projection]));

    expect([...seenWhileApplying].sort()).toEqual([`${table}_lookup`, `${table}_pkey`, `${table}_unique`]);
    const { rows } = await store.pool.query<{ indexdef: string }>(
      `SELECT indexdef FROM pg_indexes WHERE tablename = $1 ORDER BY indexname`,
      [table],
    );
    expect(rows.map((row) => row.indexdef.replace(/ ON \S+\./, ' ON '))).toEqual([
      `CREATE INDEX ${table}_listing ON ${table} USING btree (revision DESC, stream_id)`,
      `CREATE INDEX ${table}_lookup ON ${table} USING btree (stream_id)`,
      `CREATE UNIQUE INDEX ${table}_pkey ON ${table} USING btree (seq)`,
      `CREATE UNIQUE INDEX ${table}_unique ON ${table} USING btree (stream_id, revision)`,
    ]);
    expect((await store.pool.query(`SELECT count(*)::int AS n FROM ${table}`)).rows).toEqual([{ n: 48 }]);
  });

  it('given one read model done while another still applies, when replayed, then the indexes deferred on the first are built meanwhile', async () => {
    // Given: a read model with a listing index and 6 events, another with 30 that holds its last one
    // until that index exists (or gives up after 3 s, which the assertions below catch).
    const category = uniqueCategory();
    await store.appendToStream(`${category}-a`, newEvents(6));
    await store.appendToStream(`${category}-b`, newEvents(30));
    const table = `early_${category}`;
    const early: Projection = {
      ...logOrder(`${category}_early`, { streamPrefixes: [`${category}-a`] }),
      setup: async (c) =>
        void (await c.query(
          `CREATE TABLE IF NOT EXISTS ${table} (stream_id text NOT NULL, revision int NOT NULL);
           CREATE INDEX IF NOT EXISTS ${table}_listing ON ${table} (revision, stream_id)`,
        )),
      async apply(event, c) {
        await c.query(`INSERT INTO ${table} (stream_id, revision) VALUES ($1, $2)`, [event.streamId, event.revision]);
      },
    };
    let sawIndexBeforeLastEvent = false;
    const late: Projection = {
      ...logOrder(`${category}_late`, { streamPrefixes: [`${category}-b`] }),
      async apply(event, c) {
        if (event.revision === 29n) {
          for (let waited = 0; waited < 3_000 && !sawIndexBeforeLastEvent; waited += 50) {
            const { rows } = await c.query(`SELECT 1 FROM pg_indexes WHERE indexname = $1 AND schemaname = current_schema()`, [
              `${table}_listing`,
            ]);
            sawIndexBeforeLastEvent = rows.length > 0;
            if (!sawIndexBeforeLastEvent) await new Promise((resolve) => setTimeout(resolve, 50));
          }
        }
        await c.query(`INSERT INTO order_${category}_late (stream_id, type, revision) VALUES ($1, $2, $3)`, [
          event.streamId,
          event.type,
          event.revision,
        ]);
      },
    };
    const remaining: number[] = [];

    // When
    await replayProjections({ ...options([early, late]), onIndexing: (indexes) => remaining.push(indexes) });

    // Then: built while the other applied; none left once all was applied; both switched in full.
    expect(sawIndexBeforeLastEvent).toBe(true);
    expect(remaining).toEqual([0]);
    expect((await store.pool.query(`SELECT count(*)::int AS n FROM ${table}`)).rows).toEqual([{ n: 6 }]);
    expect((await store.pool.query(`SELECT count(*)::int AS n FROM order_${category}_late`)).rows).toEqual([{ n: 30 }]);
    expect((await store.pool.query(`SELECT 1 FROM pg_indexes WHERE indexname = $1`, [`${table}_listing`])).rows).toHaveLength(1);
  });

  it('given a projection that fails on one event, when replayed, then the error names that event and nothing is switched', async () => {
    const category = uniqueCategory();
    await store.appendToStream(`${category}-0`, newEvents(30));
    await store.appendToStream(`${category}-1`, [...newEvents(1, 'Poison'), ...newEvents(5)]);
    const healthy = streamCounts(category);
    await live(healthy);
    await store.pool.query(`UPDATE counts_${category} SET events = -1`); // a change the failed replay must not undo
    const failing: Projection = {
      ...logOrder(`${category}_f`, { streamPrefixes: [`${category}-`] }),
      async apply(event) {
        if (event.type === 'Poison') throw new Error('cannot read this one');
      },
    };

    const replay = replayProjections(options([healthy, failing]));

    await expect(replay).rejects.toThrow(
      new RegExp(`projection "${failing.name}" stopped at Poison .* \\(stream ${category}-1@0\\): cannot read this one`),
    );
    expect(Object.values(await counts(category))).toEqual([-1, -1]);
    const { rows } = await store.pool.query(`SELECT nspname FROM pg_namespace WHERE nspname LIKE 'tenure_replay%'`);
    expect(rows).toEqual([]);
  });

  it('given live read models that match the log, when checked, then no difference is reported, whatever the row numbering', async () => {
    const category = uniqueCategory();
    for (let i = 0; i < 6; i++) await store.appendToStream(`${category}-${i % 2}`, newEvents(10));
    const projection = streamCounts(category);
    await live(projection);
    await store.pool.query(`UPDATE counts_${category} SET seq = seq + 1000`);

    const report = await checkConsistency(options([projection]));

    expect(report).toMatchObject({ consistent: true, projections: [projection.name] });
    const same = { onlyLive: 0, onlyRebuilt: 0, samples: { onlyLive: [], onlyRebuilt: [] }, missingColumns: [] };
    expect(report.tables).toEqual([
      { table: `counts_${category}`, ...same },
      { table: 'tenure_timers', ...same },
    ]);
  });

  it('given a live row altered, a row removed and a row added behind the projection’s back, when checked, then each is reported and nothing live changes', async () => {
    const category = uniqueCategory();
    for (let i = 0; i < 9; i++) await store.appendToStream(`${category}-${i % 3}`, newEvents(4));
    const projection = streamCounts(category);
    await live(projection);
    await store.pool.query(`UPDATE counts_${category} SET events = 7 WHERE stream_id = $1`, [`${category}-0`]);
    await store.pool.query(`DELETE FROM counts_${category} WHERE stream_id = $1`, [`${category}-1`]);
    await store.pool.query(`INSERT INTO counts_${category} (stream_id, events) VALUES ($1, 1)`, [`${category}-ghost`]);
    const before = await counts(category);

    const report = await checkConsistency(options([projection]));

    expect(report.consistent).toBe(false);
    expect(report.tables[0]).toMatchObject({
      onlyLive: 2,
      onlyRebuilt: 2,
      samples: {
        onlyLive: expect.arrayContaining([
          { stream_id: `${category}-0`, events: 7 },
          { stream_id: `${category}-ghost`, events: 1 },
        ]),
        onlyRebuilt: expect.arrayContaining([
          { stream_id: `${category}-0`, events: 12 },
          { stream_id: `${category}-1`, events: 12 },
        ]),
      },
    });
    expect(await counts(category)).toEqual(before);
  });

  it('given a replay running, when a second one starts, then it is refused at once', async () => {
    const category = uniqueCategory();
    for (let i = 0; i < 20; i++) await store.appendToStream(`${category}-${i}`, newEvents(50));
    const projection = streamCounts(category);
    let second: Promise<unknown> | undefined;
    await replayProjections(
      options([projection], () => {
        second ??= checkConsistency(options([projection])).catch((error: unknown) => error);
      }),
    );
    expect(await second).toBeInstanceOf(ReplayBusyError);
  });

  it('given timers a projection scheduled and cancelled, when replayed, then no live timer is scheduled meanwhile and the pending ones are the log’s; a lost one is reported by the check', async () => {
    const category = uniqueCategory();
    const kind = `due-${category}`;
    for (let i = 0; i < 30; i++)
      await store.appendToStream(`${category}-${i}`, [
        ...newEvents(1, 'Start'),
        ...newEvents(20),
        ...(i % 3 === 0 ? [] : newEvents(1, 'Stop')),
      ]);
    const projection = startStopTimers(category);
    await live(projection);
    const liveTimers = async () =>
      (
        await store.pool.query<{ timer_id: string }>('SELECT timer_id FROM tenure_timers WHERE kind = $1 ORDER BY timer_id', [kind])
      ).rows.map((r) => r.timer_id);
    const pending = await liveTimers();
    expect(pending).toHaveLength(10);

    const seen: number[] = [];
    await replayProjections(options([projection], () => void liveTimers().then((timers) => seen.push(timers.length))));

    expect(await liveTimers()).toEqual(pending);
    expect(new Set(seen)).toEqual(new Set([10]));
    await store.pool.query('DELETE FROM tenure_timers WHERE timer_id = $1', [pending[0]]);
    const report = await checkConsistency(options([projection]));
    expect(report.consistent).toBe(false);
    expect(report.tables.find((t) => t.table === 'tenure_timers')).toMatchObject({
      onlyLive: 0,
      onlyRebuilt: 1,
      samples: { onlyRebuilt: [{ timer_id: pending[0], kind }] },
    });
  });
});
