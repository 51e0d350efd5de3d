import { composeSupergraph } from './compose-supergraph';

const LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@shareable"])';

describe('composeSupergraph', () => {
  it('composes subgraphs that share an entity into one supergraph with their routing URLs', () => {
    const composition = composeSupergraph([
      {
        name: 'people',
        routingUrl: 'http://127.0.0.1:5001/graphql',
        sdl: `${LINK}\ntype Person @key(fields: "id") { id: ID! name: String! }\ntype Query { person: Person }`,
      },
      {
        name: 'badges',
        routingUrl: 'http://127.0.0.1:5002/graphql',
        sdl: `${LINK}\ntype Person @key(fields: "id") { id: ID! badge: String! }`,
      },
    ]);

    expect(composition.ok).toBe(true);
    if (!composition.ok) return;
    expect(composition.supergraphSdl).toMatch(/^# Composed by `npm run supergraph`/);
    expect(composition.supergraphSdl).toContain('BADGES @join__graph(name: "badges", url: "http://127.0.0.1:5002/graphql")');
    expect(composition.supergraphSdl).toContain('badge: String! @join__field(graph: BADGES)');
  });

  it('fails, naming the problem, when two subgraphs define the same field without @shareable', () => {
    const composition = composeSupergraph([
      {
        name: 'people',
        routingUrl: 'http://127.0.0.1:5001/graphql',
        sdl: `${LINK}\ntype Person @key(fields: "id") { id: ID! name: String! }\ntype Query { person: Person }`,
      },
      {
        name: 'badges',
        routingUrl: 'http://127.0.0.1:5002/graphql',
        sdl: `${LINK}\ntype Person @key(fields: "id") { id: ID! name: String! }`,
      },
    ]);

    expect(composition.ok).toBe(false);
    if (composition.ok) return;
    expect(composition.errors.join('\n')).toContain('"Person.name"');
  });

  it('fails when a subgraph SDL does not parse', () => {
    const composition = composeSupergraph([{ name: 'broken', routingUrl: 'http://127.0.0.1:5001/graphql', sdl: 'type {' }]);

    expect(composition).toMatchObject({ ok: false, errors: [expect.stringContaining('does not parse')] });
  });
});
