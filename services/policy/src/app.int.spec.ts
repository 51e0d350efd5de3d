import { type LocalService, startLocalService } from '@tenure/service-runtime';
import { createTestDatabase, type TestDatabase } from '@tenure/testing';
import { policyService } from './app';

// What every service shares (/health, /ready, an unreachable database, the event store schema, shutdown)
// is tested once in libs/service-runtime; this is the policy subgraph itself, served over real HTTP.
describe('policy service over HTTP', () => {
  let database: TestDatabase;
  let policy: LocalService;

  beforeAll(async () => {
    database = await createTestDatabase(2);
    policy = await startLocalService(policyService, database.url);
  });

  afterAll(async () => {
    await policy?.close();
    await database?.drop();
  });

  it('answers its part of the platform status, asked for as the gateway does (an entity reference), measured against PostgreSQL', async () => {
    const { status, data, errors } = await policy.graphql<{ _entities: unknown[] }>(
      '{ _entities(representations: [{ __typename: "PlatformStatus", id: "tenure" }]) { ... on PlatformStatus { id policy { service version databaseReachable databaseLatencyMs eventStoreReady uptimeSeconds } } } }',
    );

    expect({ status, errors }).toEqual({ status: 200, errors: undefined });
    expect(data?._entities[0]).toEqual({
      id: 'tenure',
      policy: {
        service: 'policy',
        version: policyService.version,
        databaseReachable: true,
        databaseLatencyMs: expect.any(Number),
        eventStoreReady: true,
        uptimeSeconds: expect.any(Number),
      },
    });
  });
});
