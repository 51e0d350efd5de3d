import { PostgresEventStore } from '@tenure/event-store-postgres';
import { type LocalService, startLocalService } from '@tenure/service-runtime';
import { createTestDatabase, type TestDatabase } from '@tenure/testing';
import { policyService } from './app';
import { PolicyAdministration } from './application/policy-administration';
import { PolicyQueries } from './application/policy-queries';
import { smallPolicy } from './domain/testing/policy-fixtures';
import { hire, identityIdOf } from '@tenure/testing';

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

  it('runs the policy application in the service: administration and queries from its container, read models and detective SoD in the background', async () => {
    const administration = policy.app.get(PolicyAdministration);
    const queries = policy.app.get(PolicyQueries);
    const actor = { kind: 'person', id: 'admin-token' } as const;
    const store = new PostgresEventStore({ connectionString: database.url, poolSize: 1 });
    try {
      await hire(store, { employeeNumber: '3001', department: 'Finance' });
    } finally {
      await store.close();
    }
    await administration.replaceDraft(smallPolicy, actor);
    await administration.publish('from the service test', actor);

    await expect(queries.latestVersion()).resolves.toMatchObject({ version: 1, note: 'from the service test' });
    await expect(queries.birthright(identityIdOf('3001'))).resolves.toMatchObject({ policyVersion: 1, entitlements: [expect.anything()] });
    await expect(queries.violations({})).resolves.toEqual([]);
  });
});
