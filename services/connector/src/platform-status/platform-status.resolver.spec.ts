import { ServiceHealthReporter } from '@tenure/service-runtime';
import { buildFederatedSchema } from '@tenure/subgraph';
import { graphql } from 'graphql';
import { connectorService } from '../app';
import { PlatformStatusResolver } from './platform-status.resolver';

// A stand-in for the database probe: these tests are about this subgraph's schema; app.int.spec.ts measures real PostgreSQL.
const healthyDatabase = { probe: async () => ({ reachable: true, latencyMs: 1.5, eventStoreReady: true }) as const };

async function run(source: string) {
  const resolver = new PlatformStatusResolver(new ServiceHealthReporter(connectorService, healthyDatabase));
  const schema = await buildFederatedSchema(connectorService.subgraph, { get: () => resolver });
  return graphql({ schema, source });
}

describe('connector subgraph: platform status', () => {
  it('adds the connector service health to the one platform status entity, and resolves no other id', async () => {
    const result = await run(
      '{ _entities(representations: [{ __typename: "PlatformStatus", id: "tenure" }, { __typename: "PlatformStatus", id: "other" }]) { ... on PlatformStatus { id connector { service version databaseLatencyMs eventStoreReady } } } }',
    );

    expect(result.errors).toBeUndefined();
    expect(result.data?.['_entities']).toEqual([
      {
        id: 'tenure',
        connector: {
          service: 'connector',
          version: expect.stringMatching(/^\d+\.\d+\.\d+/),
          databaseLatencyMs: 1.5,
          eventStoreReady: true,
        },
      },
      null,
    ]);
  });

  it('owns no root field: the platform status is reached through the identity subgraph', async () => {
    const result = await run('{ platformStatus { id } }');

    expect(result.errors?.[0]?.message).toContain('Cannot query field "platformStatus" on type "Query"');
  });
});
