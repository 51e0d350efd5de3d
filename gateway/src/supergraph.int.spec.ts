import { composeSupergraph } from './compose/compose-supergraph';
import { readSubgraphSdl, subgraphSources } from './compose/subgraph-sources';
import { readSupergraph } from './supergraph';

// The same comparison as `npm run supergraph:check`, run with the tests: the SDL comes from each
// service's built print-sdl entry, so build the services first (the Nx test target does).
// Four processes print their SDL: more than Jest's 5 s when the end-to-end suites run beside it.
jest.setTimeout(30_000);

describe('the checked-in supergraph', () => {
  it('is exactly what the services compose to now', async () => {
    const subgraphs = await Promise.all(subgraphSources().map(async (source) => ({ ...source, sdl: await readSubgraphSdl(source) })));

    const composition = composeSupergraph(subgraphs);

    expect(composition).toMatchObject({ ok: true, hints: [] });
    if (!composition.ok) return;
    // On failure: run `npm run supergraph` and commit gateway/supergraph.graphql.
    expect(readSupergraph()).toBe(composition.supergraphSdl);
  });
});
