import { getIntrospectionQuery, type IntrospectionQuery } from 'graphql';
import { placeholderMutations, schemaFromIntrospection } from '@tenure/testing';
import { ConnectorServiceHarness } from './testing/connector-service-harness';

// Every mutation of the connector subgraph changes an application or its catalog, or reaches a
// target with its credentials: each must need an administrator. The mutations are read from the
// schema itself, so a new one without a guard fails here.

describe('administrator token on every connector mutation', () => {
  let connector: ConnectorServiceHarness;

  beforeAll(async () => {
    connector = await ConnectorServiceHarness.start();
  });

  afterAll(async () => {
    await connector?.close();
  });

  async function mutations() {
    return placeholderMutations(schemaFromIntrospection(await connector.ok<IntrospectionQuery>(getIntrospectionQuery())));
  }

  it('lists the administrators’ mutations (so the checks below are not vacuous)', async () => {
    expect((await mutations()).map((mutation) => mutation.name).sort()).toEqual(
      [
        'annotateEntitlement',
        'changeApplicationOwner',
        'completeManualTask',
        'configureApplication',
        'configureReconciliation',
        'discoverEntitlements',
        'dismissOperation',
        'pauseApplication',
        'registerApplication',
        'remediateDrift',
        'resumeApplication',
        'retryOperation',
        'runReconciliation',
        'setApplicationCredentials',
        'testApplicationConnection',
      ].sort(),
    );
  });

  it('given no token, then every mutation is refused as UNAUTHENTICATED, naming itself', async () => {
    for (const mutation of await mutations()) {
      const { errors } = await connector.graphql(mutation.query, mutation.variables, null);
      expect({ mutation: mutation.name, code: errors?.[0]?.extensions?.code, message: errors?.[0]?.message }).toEqual({
        mutation: mutation.name,
        code: 'UNAUTHENTICATED',
        message: expect.stringContaining(`${mutation.name} needs a caller`),
      });
    }
  });

  it('given a token that is not an administrator’s, then every mutation is refused as FORBIDDEN, and nothing changed', async () => {
    for (const mutation of await mutations()) {
      const { errors } = await connector.graphql(mutation.query, mutation.variables, 'not-an-admin-token');
      expect({ mutation: mutation.name, code: errors?.[0]?.extensions?.code }).toEqual({ mutation: mutation.name, code: 'FORBIDDEN' });
      expect(JSON.stringify(errors)).not.toContain('not-an-admin-token');
    }
    const { rows } = await connector.pool.query(
      "SELECT count(*)::int AS events FROM tenure_events WHERE stream_id LIKE 'application-%' OR stream_id LIKE 'catalog-%' OR stream_id LIKE 'reconciliation-%' OR stream_id LIKE 'drift-%' OR stream_id LIKE 'operation-%'",
    );
    expect(rows[0]).toEqual({ events: 0 });
  });
});
