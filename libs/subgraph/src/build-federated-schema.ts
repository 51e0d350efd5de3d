import { buildSubgraphSchema } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { type GraphQLSchema, parse } from 'graphql';
import { buildSchema, type ContainerType, createResolversMap, type ResolversMap } from 'type-graphql';
import { FEDERATION_LINK } from './federation';
import type { ReferenceResolver, SubgraphDefinition } from './subgraph-definition';

/**
 * Builds a federated subgraph schema from type-graphql classes: type-graphql produces the
 * types (with their `@Directive`s), Apollo's `buildSubgraphSchema` adds `_entities`/`_service`
 * and wires `__resolveReference`. Without a container, resolver classes are created with `new`,
 * which is enough for printing the SDL.
 */
export async function buildFederatedSchema(definition: SubgraphDefinition, container?: ContainerType): Promise<GraphQLSchema> {
  const typeGraphQLSchema = await buildSchema({
    resolvers: definition.resolvers,
    orphanedTypes: [...(definition.orphanedTypes ?? [])],
    // A subgraph may have no root fields of its own; buildSubgraphSchema adds Query._entities.
    skipCheck: true,
    ...(container ? { container } : {}),
  });
  return buildSubgraphSchema({
    typeDefs: parse(`${FEDERATION_LINK}\n\n${printSchemaWithDirectives(typeGraphQLSchema)}`),
    resolvers: withReferenceResolvers(createResolversMap(typeGraphQLSchema), definition.referenceResolvers ?? {}),
  });
}

/** The resolver map shape `buildSubgraphSchema` accepts (@apollo/subgraph does not export its name). */
type SubgraphResolverMap = NonNullable<Extract<Parameters<typeof buildSubgraphSchema>[0], { typeDefs: unknown }>['resolvers']>;

function withReferenceResolvers(resolvers: ResolversMap, references: Readonly<Record<string, ReferenceResolver>>): SubgraphResolverMap {
  const merged: Record<string, object> = { ...resolvers };
  for (const [typeName, resolveReference] of Object.entries(references)) {
    if (!(typeName in resolvers)) {
      throw new Error(`reference resolver given for "${typeName}", which is not a type of this subgraph`);
    }
    merged[typeName] = { ...resolvers[typeName], __resolveReference: resolveReference };
  }
  // type-graphql's ResolversMap and Apollo's GraphQLResolverMap describe the same runtime shape.
  return merged as SubgraphResolverMap;
}
