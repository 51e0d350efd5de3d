import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ParseOptions, ValidationRule } from 'graphql';

/** How large one GraphQL operation may be; what is over a limit is refused before any subgraph sees it. */
export interface GraphqlLimits {
  /** Levels of nested selections (`{ a { b } }` is 2). */
  readonly maxDepth: number;
  /** graphql-armor's estimate: each object and field costs, nested ones more, lists sized by a literal `first`/`last` multiply. */
  readonly maxCost: number;
  readonly maxAliases: number;
  readonly maxDirectives: number;
  /** Lexical tokens of the document; counted while parsing, so a huge document is not even parsed whole. */
  readonly maxTokens: number;
}

/**
 * Depth and cost leave room for the portal's nested pages: the README's administrator query
 * (identities with assignments, accounts and grants, and dead letters) is depth 6 and costs about
 * 12,700 at the largest page (first: 100).
 */
export const DEFAULT_GRAPHQL_LIMITS: GraphqlLimits = { maxDepth: 10, maxCost: 20_000, maxAliases: 15, maxDirectives: 50, maxTokens: 1_000 };

export interface GraphqlLimitOptions {
  readonly validationRules: ValidationRule[];
  readonly parseOptions: ParseOptions;
}

/**
 * The ApolloServer options that enforce the limits: graphql-armor's validation rules (depth, cost,
 * aliases, directives), refused as GRAPHQL_VALIDATION_FAILED with the limit in the message, and
 * graphql-js's own token limit in the parser, refused as GRAPHQL_PARSE_FAILED. Armor's token plugin is
 * not used: under Apollo Server it throws outside the parser and turns into a 500.
 */
export function graphqlLimitOptions(limits: GraphqlLimits): GraphqlLimitOptions {
  const armor = new ApolloArmor({
    maxDepth: { n: limits.maxDepth },
    costLimit: { maxCost: limits.maxCost },
    maxAliases: { n: limits.maxAliases },
    maxDirectives: { n: limits.maxDirectives },
    maxTokens: { enabled: false },
    // Apollo Server's own hideSchemaDetailsFromClientErrors hides suggestions (in production only).
    blockFieldSuggestion: { enabled: false },
  });
  return { validationRules: armor.protect().validationRules, parseOptions: { maxTokens: limits.maxTokens } };
}
