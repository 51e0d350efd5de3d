import { randomBytes } from 'node:crypto';
import { createTestDatabase, type TestDatabase, waitFor } from '@tenure/testing';
import { type LocalService, startLocalService } from './app/local-service';
import { EVENT_STORE } from './event-store/event-store.tokens';
import { CONNECT_TIMEOUT_MS } from './event-store/open-event-store';
import { getJson, SampleRecorder, sampleHealthOverHttp, sampleService } from './testing/sample-service';
import { startSilentServer } from './testing/silent-server';

// Every service runs on this runtime; what they share is tested here once, against a real PostgreSQL
// and over real HTTP, with a tiny service standing in for identity, policy, workflow and connector.

jest.setTimeout(20_000);

// Nothing listens on port 9 on loopback: connections are refused at once.
const REFUSED_URL = 'postgres://nobody:nothing@127.0.0.1:9/none';

/** The same server as `databaseUrl`, with something else changed (database, user, application name). */
function variantOf(databaseUrl: string, change: (url: URL) => void): string {
  const url = new URL(databaseUrl);
  change(url);
  return url.toString();
}

describe('a service on the runtime, with its database up', () => {
  let database: TestDatabase;
  let sample: LocalService;

  beforeAll(async () => {
    database = await createTestDatabase(2);
    sample = await startLocalService(sampleService, database.url);
  });

  afterAll(async () => {
    await sample?.close();
    await database?.drop();
  });

  it('is alive', async () => {
    expect(await getJson(sample, '/health')).toEqual({ status: 200, body: { status: 'ok' } });
  });

  it('answers with the correlation id it was given, or a new one when none or a forged one was given', async () => {
    const correlationOf = async (presented?: string) =>
      (await fetch(`${sample.url}/health`, presented === undefined ? {} : { headers: { 'x-correlation-id': presented } })).headers.get(
        'x-correlation-id',
      );

    expect(await correlationOf('gw-1234.a:b')).toBe('gw-1234.a:b');
    expect(await correlationOf('forged id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(await correlationOf()).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('is ready', async () => {
    expect(await getJson(sample, '/ready')).toEqual({ status: 200, body: { status: 'ready' } });
  });

  it('has applied the event store schema by the time it listens', async () => {
    const { rows } = await database.pool.query<{ events: string | null; migrations: string }>(
      "SELECT to_regclass('tenure_events')::text AS events, (SELECT count(*) FROM tenure_schema_migrations)::text AS migrations",
    );

    expect(rows[0]?.events).toBe('tenure_events');
    expect(Number(rows[0]?.migrations)).toBeGreaterThan(0);
  });

  it("gives the service's own module its one event store, ready to append and read", async () => {
    const { store } = sample.app.get(SampleRecorder);
    const metadata = {
      eventId: `sample-${randomBytes(4).toString('hex')}`,
      correlationId: 'c-1',
      causationId: null,
      actor: { kind: 'system', id: 'test' },
      occurredAt: '2025-01-01T00:00:00.000Z',
    } as const;

    await store.appendToStream('sample-1', [{ type: 'SampleRecorded', data: { n: 1 }, metadata }], { expectedRevision: 'no_stream' });

    expect(store).toBe(sample.app.get(EVENT_STORE));
    expect((await store.readStream('sample-1')).map((event) => [event.type, event.data])).toEqual([['SampleRecorded', { n: 1 }]]);
  });

  it('reports its health on the platform status, measured against PostgreSQL', async () => {
    const health = await sampleHealthOverHttp(sample);

    expect(health).toMatchObject({ service: 'sample', version: '1.2.3', databaseReachable: true, eventStoreReady: true });
    expect(health['databaseLatencyMs']).toBeGreaterThan(0);
    expect(health['uptimeSeconds']).toBeGreaterThan(0);
  });
});

describe('a service on the runtime, with its database unreachable', () => {
  let sample: LocalService;

  beforeAll(async () => {
    sample = await startLocalService(sampleService, REFUSED_URL);
  });

  afterAll(async () => {
    await sample?.close();
  });

  it('stays alive but is not ready', async () => {
    expect((await getJson(sample, '/health')).status).toBe(200);
    expect(await getJson(sample, '/ready')).toMatchObject({ status: 503, body: { status: 'unavailable', reason: 'database unreachable' } });
  });

  it('still reports its health on the platform status, the database as unreachable: as data, not as an error', async () => {
    expect(await sampleHealthOverHttp(sample)).toMatchObject({ databaseReachable: false, databaseLatencyMs: null, eventStoreReady: false });
  });
});

describe('a service on the runtime, starting before its database exists', () => {
  it('keeps trying to apply the event store schema in the background, and is ready once it could', async () => {
    const database = await createTestDatabase(2);
    const lateName = `${new URL(database.url).pathname.slice(1)}_late`;
    const lateUrl = variantOf(database.url, (url) => {
      url.pathname = `/${lateName}`;
    });
    const sample = await startLocalService(sampleService, lateUrl);
    try {
      expect((await getJson(sample, '/ready')).status).toBe(503);

      await database.pool.query(`CREATE DATABASE ${lateName}`);

      await waitFor(
        'the service to be ready',
        async () => ((await getJson(sample, '/ready')).status === 200 ? true : undefined),
        15_000,
        100,
      );
      expect(await sampleHealthOverHttp(sample)).toMatchObject({ databaseReachable: true, eventStoreReady: true });
    } finally {
      await sample.close();
      await database.pool.query(`DROP DATABASE IF EXISTS ${lateName} WITH (FORCE)`);
      await database.drop();
    }
  });
});

describe('a service on the runtime, reaching a database it may not create the schema in', () => {
  it('is not ready, and reports its database reachable but its event store not ready', async () => {
    const database = await createTestDatabase(2);
    const role = `runtime_limited_${randomBytes(4).toString('hex')}`;
    // Since PostgreSQL 15 only the database owner may create tables in the public schema.
    await database.pool.query(`CREATE ROLE ${role} LOGIN PASSWORD 'limited'`);
    const limitedUrl = variantOf(database.url, (url) => {
      url.username = role;
      url.password = 'limited';
    });
    const sample = await startLocalService(sampleService, limitedUrl);
    try {
      expect(await getJson(sample, '/ready')).toMatchObject({
        status: 503,
        body: { status: 'unavailable', reason: 'event store schema not applied yet' },
      });
      expect(await sampleHealthOverHttp(sample)).toMatchObject({ databaseReachable: true, eventStoreReady: false });
    } finally {
      await sample.close();
      await database.pool.query(`DROP ROLE ${role}`);
      await database.drop();
    }
  });
});

describe('two instances of a service starting at once on one database', () => {
  it('both apply the event store schema without getting in each other’s way, and both are ready', async () => {
    const database = await createTestDatabase(2);
    const started = await Promise.allSettled([0, 1].map(() => startLocalService(sampleService, database.url)));
    const samples = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
    try {
      expect(started.map((result) => result.status)).toEqual(['fulfilled', 'fulfilled']);
      for (const sample of samples) {
        expect(await getJson(sample, '/ready')).toEqual({ status: 200, body: { status: 'ready' } });
      }
    } finally {
      await Promise.all(samples.map((sample) => sample.close()));
      await database.drop();
    }
  });
});

describe('a service on the runtime, closing', () => {
  it('stops listening and ends every connection of its event store', async () => {
    const database = await createTestDatabase(2);
    const applicationName = `runtime_close_${randomBytes(4).toString('hex')}`;
    const sample = await startLocalService(
      sampleService,
      variantOf(database.url, (url) => url.searchParams.set('application_name', applicationName)),
    );
    const connections = async (): Promise<number> => {
      const { rows } = await database.pool.query<{ count: string }>(
        'SELECT count(*)::text AS count FROM pg_stat_activity WHERE application_name = $1',
        [applicationName],
      );
      return Number(rows[0]?.count);
    };
    let open = true;
    try {
      await sampleHealthOverHttp(sample);
      expect(await connections()).toBeGreaterThan(0);

      await sample.close();
      open = false;

      await expect(fetch(`${sample.url}/health`)).rejects.toThrow();
      await waitFor('the event store connections to end', async () => ((await connections()) === 0 ? true : undefined));
    } finally {
      if (open) await sample.close();
      await database.drop();
    }
  });
});

describe('a service on the runtime, with a database host that never answers', () => {
  it('still starts, answers /ready with 503 within its connect timeout, and closes', async () => {
    const silent = await startSilentServer();
    const started = performance.now();
    const sample = await startLocalService(sampleService, silent.url);
    try {
      expect(await getJson(sample, '/ready')).toMatchObject({ status: 503, body: { reason: 'database unreachable' } });
      // One connect timeout for the first schema attempt at start, one for the probe, and some slack.
      expect(performance.now() - started).toBeLessThan(2 * CONNECT_TIMEOUT_MS + 1_500);
    } finally {
      await sample.close();
      await silent.close();
    }
  });
});
