import { type LocalService, startLocalService } from '@tenure/service-runtime';
import { createTestDatabase, type TestDatabase } from '@tenure/testing';
import { connectorService } from './app';

// What every service shares (/health, /ready, an unreachable database, the event store schema, shutdown)
// is tested once in libs/service-runtime; this is the connector subgraph itself, served over real HTTP.
describe('connector service over HTTP', () => {
  let database: TestDatabase;
  let connector: LocalService;

  beforeAll(async () => {
    database = await createTestDatabase(2);
    connector = await startLocalService(connectorService, database.url);
  });

  afterAll(async () => {
    await connector?.close();
    await database?.drop();
  });

  it('answers its part of the platform status, asked for as the gateway does (an entity reference), measured against PostgreSQL', async () => {
    const { status, data, errors } = await connector.graphql<{ _entities: unknown[] }>(
      '{ _entities(representations: [{ __typename: "PlatformStatus", id: "tenure" }]) { ... on PlatformStatus { id connector { service version databaseReachable databaseLatencyMs eventStoreReady uptimeSeconds } } } }',
    );

    expect({ status, errors }).toEqual({ status: 200, errors: undefined });
    expect(data?._entities[0]).toEqual({
      id: 'tenure',
      connector: {
        service: 'connector',
        version: connectorService.version,
        databaseReachable: true,
        databaseLatencyMs: expect.any(Number),
        eventStoreReady: true,
        uptimeSeconds: expect.any(Number),
      },
    });
  });
});
