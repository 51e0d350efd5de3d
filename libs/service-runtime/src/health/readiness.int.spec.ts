import { migrate, PostgresEventStore, type Projection } from '@tenure/event-store-postgres';
import { createLogger } from '@tenure/platform';
import { createTestDatabase, type TestDatabase, waitFor } from '@tenure/testing';
import { type LocalService, startLocalService } from '../app/local-service';
import { backgroundStatusOf } from '../background/background-status';
import { BackgroundWork } from '../background/background-work';
import { SCHEMA_MIGRATED_BEFOREHAND } from '../event-store/event-store-schema';
import { EVENT_STORE } from '../event-store/event-store.tokens';
import { healthDetailsOf } from './health-details';
import { getJson, sampleService } from '../testing/sample-service';

jest.setTimeout(20_000);

const failing: Projection = {
  name: 'always-fails',
  filter: { streamPrefixes: ['readiness-'] },
  setup: async () => undefined,
  reset: async () => undefined,
  apply: () => Promise.reject(new Error('cannot apply this')),
};

describe('readiness with background work', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase(2);
  });
  afterAll(() => database?.drop());

  it('given a projection that fails on an event, when it stops, then the background status names it', async () => {
    // Given
    await migrate(database.pool);
    const store = new PostgresEventStore({ connectionString: database.url, poolSize: 2 });
    const work = new BackgroundWork({
      store,
      schema: SCHEMA_MIGRATED_BEFOREHAND,
      logger: createLogger('readiness-test', 'silent'),
      projections: [failing],
    });
    try {
      await work.start();

      // When
      await store.appendToStream('readiness-1', [
        {
          type: 'Happened',
          data: {},
          metadata: {
            eventId: 'r-1',
            correlationId: 'c',
            causationId: null,
            actor: { kind: 'system', id: 't' },
            occurredAt: '2026-11-27T00:00:00Z',
          },
        },
      ]);

      // Then
      const stopped = await waitFor('the projection to stop', async () => {
        const names = backgroundStatusOf(store).stoppedWork.map((entry) => entry.name);
        return names.length > 0 ? names : undefined;
      });
      expect(stopped).toEqual(['projection:always-fails']);
    } finally {
      await work.stop();
      await store.close();
    }
  });

  describe('a service whose background work stopped', () => {
    let service: LocalService;

    beforeAll(async () => {
      service = await startLocalService(sampleService, database.url);
    });
    afterAll(() => service?.close());

    it('given everything running, then it is ready; given a process stopped, then it is alive but not ready, and says what stopped', async () => {
      expect(await getJson(service, '/ready')).toEqual({ status: 200, body: { status: 'ready' } });

      backgroundStatusOf(service.app.get(EVENT_STORE)).recordStopped('process:workflow-birthright');

      expect(await getJson(service, '/health')).toEqual({ status: 200, body: { status: 'ok' } });
      expect(await getJson(service, '/ready')).toEqual({
        status: 503,
        body: { status: 'unavailable', reason: 'background work stopped', stopped: ['process:workflow-birthright'] },
      });
    });
  });

  describe('a service whose parts report details', () => {
    let service: LocalService;

    beforeAll(async () => {
      service = await startLocalService(sampleService, database.url);
    });
    afterAll(() => service?.close());

    it('given a part reporting an open circuit, when /ready is asked, then it is in the answer, which stays ready', async () => {
      healthDetailsOf(service.app.get(EVENT_STORE)).report('connectors', () => [{ applicationId: 'erp', circuit: 'open' }]);

      const answer = await getJson(service, '/ready');

      expect(answer).toEqual({ status: 200, body: { status: 'ready', connectors: [{ applicationId: 'erp', circuit: 'open' }] } });
    });
  });
});
