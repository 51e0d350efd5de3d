import { ServiceHealthReporter } from '@tenure/service-runtime';
import { buildFederatedSchema } from '@tenure/subgraph';
import { graphql } from 'graphql';
import { identityService } from '../app';
import { PlatformStatusResolver } from './platform-status.resolver';

const SEMVER = /^\d+\.\d+\.\d+/;

// A stand-in for the database probe: these tests are about this subgraph's schema; app.int.spec.ts measures real PostgreSQL.
const healthyDatabase = { probe: async () => ({ reachable: true, latencyMs: 1.5, eventStoreReady: true }) as const };

async function run(source: string) {
  const resolver = new PlatformStatusResolver(new ServiceHealthReporter(identityService, healthyDatabase));
  const schema = await buildFederatedSchema(identityService.subgraph, { get: () => resolver });
  return graphql({ schema, source });
}

describe('identity subgraph: platform status', () => {
  it('owns platformStatus and reports the identity service with its database and event store', async () => {
    const result = await run(
      '{ platformStatus { id identity { service version databaseReachable databaseLatencyMs eventStoreReady uptimeSeconds } } }',
    );

    expect(result.errors).toBeUndefined();
    const status = result.data?.['platformStatus'] as { id: string; identity: Record<string, unknown> };
    expect(status.id).toBe('tenure');
    expect(status.identity).toMatchObject({
      service: 'identity',
      version: expect.stringMatching(SEMVER),
      databaseReachable: true,
      databaseLatencyMs: 1.5,
      eventStoreReady: true,
    });
    expect(status.identity['uptimeSeconds']).toBeGreaterThanOrEqual(0);
  });

  it('resolves the platform status entity by its one id and nothing else', async () => {
    const result = await run(
      '{ _entities(representations: [{ __typename: "PlatformStatus", id: "tenure" }, { __typename: "PlatformStatus", id: "other" }]) { ... on PlatformStatus { id identity { service } } } }',
    );

    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ _entities: [{ id: 'tenure', identity: { service: 'identity' } }, null] });
  });
});
