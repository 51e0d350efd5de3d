import { buildFederatedSchema, printSubgraphSdl } from '@tenure/subgraph';
import { graphql } from 'graphql';
import type { DatabaseStatus } from '../health/database-probe';
import { ServiceHealthReporter } from '../health/service-health-reporter';
import { SampleStatusResolver, sampleService } from '../testing/sample-service';

const sampleSubgraph = sampleService.subgraph;

// Stand-ins for the database probe: these tests are about the schema; service-runtime.int.spec.ts measures real PostgreSQL.
async function sampleHealth(database: DatabaseStatus, representationIds: readonly string[] = ['tenure']) {
  const resolver = new SampleStatusResolver(
    new ServiceHealthReporter({ name: 'sample', version: '1.2.3' }, { probe: async () => database }),
  );
  const schema = await buildFederatedSchema(sampleSubgraph, { get: () => resolver });
  const representations = representationIds.map((id) => `{ __typename: "PlatformStatus", id: "${id}" }`).join(', ');
  return graphql({
    schema,
    source: `{ _entities(representations: [${representations}]) { ... on PlatformStatus { id sample { service version databaseReachable databaseLatencyMs eventStoreReady uptimeSeconds } } } }`,
  });
}

describe('a service subgraph (serviceSubgraph)', () => {
  it('declares the platform status entity and the shareable ServiceHealth every service reports', async () => {
    const sdl = await printSubgraphSdl(sampleSubgraph);

    expect(sdl).toMatch(/type PlatformStatus\s+@key\(fields: "id"\)/);
    expect(sdl).toMatch(/type ServiceHealth\s+@shareable/);
    expect(sdl).toMatch(/databaseReachable: Boolean!/);
    expect(sdl).toMatch(/databaseLatencyMs: Float\n/);
    expect(sdl).toMatch(/eventStoreReady: Boolean!/);
  });

  it("adds the service's health to the one platform status entity, and resolves no other id", async () => {
    const result = await sampleHealth({ reachable: true, latencyMs: 1.5, eventStoreReady: true }, ['tenure', 'other']);

    expect(result.errors).toBeUndefined();
    const [status, other] = result.data?.['_entities'] as [{ id: string; sample: Record<string, unknown> }, null];
    expect(status).toEqual({
      id: 'tenure',
      sample: {
        service: 'sample',
        version: '1.2.3',
        databaseReachable: true,
        databaseLatencyMs: 1.5,
        eventStoreReady: true,
        uptimeSeconds: expect.any(Number),
      },
    });
    expect(other).toBeNull();
  });

  it('reports an unreachable database as data, not as an error', async () => {
    const result = await sampleHealth({ reachable: false, latencyMs: null, eventStoreReady: false });

    expect(result.errors).toBeUndefined();
    expect(result.data?.['_entities']).toEqual([
      { id: 'tenure', sample: expect.objectContaining({ databaseReachable: false, databaseLatencyMs: null, eventStoreReady: false }) },
    ]);
  });
});
