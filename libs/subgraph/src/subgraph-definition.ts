import type { NonEmptyArray } from 'type-graphql';

/**
 * Resolves an entity from the representation another subgraph sends (`{ __typename, ...key }`).
 * Returning null tells the gateway the entity does not exist here.
 */
export type ReferenceResolver = (representation: Readonly<Record<string, unknown>>) => unknown;

/** Everything needed to build one subgraph's schema, independent of how it is served. */
export interface SubgraphDefinition {
  /** type-graphql resolver classes; with a container they are instantiated through it. */
  readonly resolvers: NonEmptyArray<Function>;
  /** Entity and value types that no root field reaches, e.g. an entity this subgraph only extends. */
  readonly orphanedTypes?: readonly Function[];
  /** `__resolveReference` per entity type name. */
  readonly referenceResolvers?: Readonly<Record<string, ReferenceResolver>>;
}
