import { graphql } from 'graphql';
import { Arg, Directive, Field, FieldResolver, ID, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { buildFederatedSchema } from './build-federated-schema';
import { FEDERATION_SPEC_URL } from './federation';
import { printSubgraphSdl } from './print-subgraph-sdl';
import type { SubgraphDefinition } from './subgraph-definition';

@ObjectType()
@Directive('@key(fields: "id")')
class Gadget {
  @Field(() => ID)
  id!: string;
}

/** A dependency the resolver gets from the container, as Nest providers do. */
class Catalog {
  constructor(private readonly names: Readonly<Record<string, string>>) {}
  nameOf(id: string): string | undefined {
    return this.names[id];
  }
}

@Resolver(() => Gadget)
class GadgetResolver {
  constructor(private readonly catalog: Catalog) {}

  @Query(() => Gadget, { nullable: true })
  gadget(@Arg('id', () => ID) id: string): Gadget | null {
    return this.catalog.nameOf(id) ? Object.assign(new Gadget(), { id }) : null;
  }

  @FieldResolver(() => String)
  name(@Root() gadget: Gadget): string {
    return this.catalog.nameOf(gadget.id) ?? 'unknown';
  }
}

const catalog = new Catalog({ g1: 'sprocket' });
const container = { get: () => new GadgetResolver(catalog) };

const gadgets: SubgraphDefinition = {
  resolvers: [GadgetResolver],
  orphanedTypes: [Gadget],
  referenceResolvers: {
    Gadget: (reference) => (catalog.nameOf(String(reference['id'])) ? Object.assign(new Gadget(), { id: reference['id'] }) : null),
  },
};

describe('buildFederatedSchema', () => {
  it('prints SDL that links the pinned federation version and keeps the type-graphql directives', async () => {
    const sdl = await printSubgraphSdl(gadgets);

    expect(sdl).toContain(`@link(url: "${FEDERATION_SPEC_URL}"`);
    expect(sdl).toMatch(/type Gadget\s+@key\(fields: "id"\)/);
    expect(sdl).toContain('gadget(id: ID!): Gadget');
    expect(sdl).not.toContain('_entities');
  });

  it('serves root fields through resolvers from the container', async () => {
    const schema = await buildFederatedSchema(gadgets, container);

    const result = await graphql({ schema, source: '{ gadget(id: "g1") { id name } }' });

    expect(result).toEqual({ data: { gadget: { id: 'g1', name: 'sprocket' } } });
  });

  it('resolves entity references with the given reference resolver, then the type-graphql field resolvers', async () => {
    const schema = await buildFederatedSchema(gadgets, container);

    const result = await graphql({
      schema,
      source:
        '{ _entities(representations: [{ __typename: "Gadget", id: "g1" }, { __typename: "Gadget", id: "g2" }]) { ... on Gadget { id name } } }',
    });

    expect(result).toEqual({ data: { _entities: [{ id: 'g1', name: 'sprocket' }, null] } });
  });

  it('answers _service.sdl for tools that ask the subgraph itself', async () => {
    const schema = await buildFederatedSchema(gadgets, container);

    const result = await graphql({ schema, source: '{ _service { sdl } }' });

    expect(result.errors).toBeUndefined();
    expect((result.data?.['_service'] as { sdl: string }).sdl).toContain('@key(fields: "id")');
  });

  it('refuses a reference resolver for a type the subgraph does not have', async () => {
    await expect(buildFederatedSchema({ ...gadgets, referenceResolvers: { Gizmo: () => null } })).rejects.toThrow(
      '"Gizmo", which is not a type of this subgraph',
    );
  });
});
