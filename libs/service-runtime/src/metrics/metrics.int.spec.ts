import { randomIds } from '@tenure/event-sourcing';
import { scheduleTimer, storeCheckpoint, type PostgresEventStore } from '@tenure/event-store-postgres';
import { createTestDatabase, type TestDatabase } from '@tenure/testing';
import { type LocalService, startLocalService } from '../app/local-service';
import { SampleRecorder, sampleService } from '../testing/sample-service';
import { metricValue } from './metric-value';
import { ServiceMetrics } from './service-metrics';

jest.setTimeout(20_000);

const TOKEN = 'metrics-test-token';

const counted = () => ({
  type: 'Counted',
  data: {},
  metadata: {
    eventId: randomIds.newId(),
    correlationId: 'c',
    causationId: null,
    actor: { kind: 'system' as const, id: 'test' },
    occurredAt: '2026-11-27T00:00:00.000Z',
  },
});

async function scrape(sample: LocalService, authorization?: string): Promise<{ status: number; type: string | null; text: string }> {
  const response = await fetch(`${sample.url}/metrics`, authorization ? { headers: { authorization } } : {});
  return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
}

describe('/metrics on the service runtime', () => {
  let database: TestDatabase;
  let service: LocalService;

  beforeAll(async () => {
    database = await createTestDatabase(2);
    process.env['METRICS_TOKENS'] = `other-token, ${TOKEN}`;
    try {
      service = await startLocalService(sampleService, database.url);
    } finally {
      delete process.env['METRICS_TOKENS'];
    }
  });
  afterAll(async () => {
    await service?.close();
    await database?.drop();
  });

  it('given no token or a wrong one, when scraped, then it is refused without metrics', async () => {
    for (const authorization of [undefined, 'Bearer wrong', `Basic ${TOKEN}`]) {
      const answer = await scrape(service, authorization);
      expect(answer.status).toBe(401);
      expect(answer.text).toContain('METRICS_TOKENS');
      expect(answer.text).not.toContain('tenure_');
    }
  });

  it('given a subscription behind the log and timers pending, when scraped with a token, then the events since its checkpoint and the timers are reported, labelled with the service', async () => {
    // Given: five events, a checkpoint after the first; one timer due, one later.
    const store = service.app.get(SampleRecorder).store as PostgresEventStore;
    const stream = `counted-${randomIds.newId()}`;
    const first = await store.appendToStream(stream, [counted()]);
    await store.appendToStream(stream, [counted(), counted(), counted(), counted()]);
    await storeCheckpoint(store.pool, 'projection:metrics-test', first.position);
    await scheduleTimer(store.pool, { timerId: 't-due', kind: 'metrics-test', dueAt: new Date(Date.now() - 60_000), payload: null });
    await scheduleTimer(store.pool, { timerId: 't-later', kind: 'metrics-test', dueAt: new Date(Date.now() + 3_600_000), payload: null });

    // When
    const answer = await scrape(service, `Bearer ${TOKEN}`);

    // Then
    expect(answer.status).toBe(200);
    expect(answer.type).toContain('text/plain');
    expect(
      metricValue(answer.text, 'tenure_subscription_events_since_checkpoint', {
        subscription: 'projection:metrics-test',
        service: 'sample',
      }),
    ).toBe(4);
    expect(metricValue(answer.text, 'tenure_timers_pending', { kind: 'metrics-test', service: 'sample' })).toBe(2);
    expect(metricValue(answer.text, 'tenure_timers_due', { kind: 'metrics-test', service: 'sample' })).toBe(1);
    expect(metricValue(answer.text, 'tenure_process_cpu_seconds_total', { service: 'sample' })).toBeGreaterThan(0);
  });

  it("given a counter the service's code increments, when scraped, then it is there with its labels", async () => {
    const metrics = service.app.get(ServiceMetrics);
    metrics.counter('tenure_sample_things_total', 'Things the sample did', ['outcome']).inc({ outcome: 'done' }, 3);

    const answer = await scrape(service, `Bearer ${TOKEN}`);

    expect(metricValue(answer.text, 'tenure_sample_things_total', { outcome: 'done', service: 'sample' })).toBe(3);
  });
});

describe('/metrics without METRICS_TOKENS', () => {
  let database: TestDatabase;
  let service: LocalService;

  beforeAll(async () => {
    database = await createTestDatabase(2);
    service = await startLocalService(sampleService, database.url);
  });
  afterAll(async () => {
    await service?.close();
    await database?.drop();
  });

  it('given no tokens configured, when scraped, then the endpoint is off and says how to turn it on', async () => {
    const answer = await scrape(service, `Bearer ${TOKEN}`);

    expect(answer.status).toBe(404);
    expect(answer.text).toContain('set METRICS_TOKENS');
  });
});
