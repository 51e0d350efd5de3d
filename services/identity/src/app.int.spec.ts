import { type LocalService, startLocalService } from '@tenure/service-runtime';
import { createTestDatabase, type TestDatabase } from '@tenure/testing';
import { identityService } from './app';

// What every service shares (/health, /ready, an unreachable database, the event store schema, shutdown)
// is tested once in libs/service-runtime; this is the identity subgraph itself, served over real HTTP.
describe('identity service over HTTP', () => {
  let database: TestDatabase;
  let identity: LocalService;

  beforeAll(async () => {
    database = await createTestDatabase(2);
    identity = await startLocalService(identityService, database.url);
  });

  afterAll(async () => {
    await identity?.close();
    await database?.drop();
  });

  it('answers the platform status it owns with its own health, measured against PostgreSQL', async () => {
    const { status, data, errors } = await identity.graphql<{ platformStatus: unknown }>(
      '{ platformStatus { id identity { service version databaseReachable databaseLatencyMs eventStoreReady uptimeSeconds } } }',
    );

    expect({ status, errors }).toEqual({ status: 200, errors: undefined });
    expect(data?.platformStatus).toEqual({
      id: 'tenure',
      identity: {
        service: 'identity',
        version: identityService.version,
        databaseReachable: true,
        databaseLatencyMs: expect.any(Number),
        eventStoreReady: true,
        uptimeSeconds: expect.any(Number),
      },
    });
  });
});
