import { type LocalService, startLocalService } from '@tenure/service-runtime';
import { createTestDatabase, type TestDatabase } from '@tenure/testing';
import { workflowService } from './app';

// What every service shares (/health, /ready, an unreachable database, the event store schema, shutdown)
// is tested once in libs/service-runtime; this is the workflow subgraph itself, served over real HTTP.
describe('workflow service over HTTP', () => {
  let database: TestDatabase;
  let workflow: LocalService;

  beforeAll(async () => {
    database = await createTestDatabase(2);
    workflow = await startLocalService(workflowService, database.url);
  });

  afterAll(async () => {
    await workflow?.close();
    await database?.drop();
  });

  it('answers its part of the platform status, asked for as the gateway does (an entity reference), measured against PostgreSQL', async () => {
    const { status, data, errors } = await workflow.graphql<{ _entities: unknown[] }>(
      '{ _entities(representations: [{ __typename: "PlatformStatus", id: "tenure" }]) { ... on PlatformStatus { id workflow { service version databaseReachable databaseLatencyMs eventStoreReady uptimeSeconds } } } }',
    );

    expect({ status, errors }).toEqual({ status: 200, errors: undefined });
    expect(data?._entities[0]).toEqual({
      id: 'tenure',
      workflow: {
        service: 'workflow',
        version: workflowService.version,
        databaseReachable: true,
        databaseLatencyMs: expect.any(Number),
        eventStoreReady: true,
        uptimeSeconds: expect.any(Number),
      },
    });
  });
});
