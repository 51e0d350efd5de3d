import { logLevelSchema, portSchema } from '@tenure/platform';
import { z } from 'zod';
import { DEFAULT_GRAPHQL_LIMITS, type GraphqlLimits } from './graphql-limits';
import { DEFAULT_RATE_LIMIT } from './rate-limit';
import { SUBGRAPHS, type SubgraphName } from './subgraphs';

const optionalUrl = z.url({ protocol: /^https?$/ }).optional();
const positiveWhole = (fallback: number) => z.coerce.number().int('must be a whole number').min(1, 'must be at least 1').default(fallback);

export const gatewayConfigSchema = z.object({
  PORT: portSchema.default(4000),
  HOST: z.string().min(1).default('localhost'),
  LOG_LEVEL: logLevelSchema,
  NODE_ENV: z.string().default('development'),
  /** Largest accepted request body, in the notation of body-parser (e.g. "100kb"). */
  BODY_LIMIT: z
    .string()
    .regex(/^\d+(b|kb|mb)$/i, 'must be a size such as 100kb or 1mb')
    .default('100kb'),
  /** Per GraphQL operation, checked before any subgraph is asked (see graphql-limits.ts). */
  GRAPHQL_MAX_DEPTH: positiveWhole(DEFAULT_GRAPHQL_LIMITS.maxDepth),
  GRAPHQL_MAX_COST: positiveWhole(DEFAULT_GRAPHQL_LIMITS.maxCost),
  GRAPHQL_MAX_ALIASES: positiveWhole(DEFAULT_GRAPHQL_LIMITS.maxAliases),
  GRAPHQL_MAX_DIRECTIVES: positiveWhole(DEFAULT_GRAPHQL_LIMITS.maxDirectives),
  GRAPHQL_MAX_TOKENS: positiveWhole(DEFAULT_GRAPHQL_LIMITS.maxTokens),
  /** Requests one client (bearer token, else address) may send to /graphql, /scim/v2 and /hr per window; 0 turns the limit off. */
  RATE_LIMIT_MAX_REQUESTS: z.coerce
    .number()
    .int('must be a whole number')
    .min(0, 'must be 0 (off) or more')
    .default(DEFAULT_RATE_LIMIT.maxRequests),
  RATE_LIMIT_WINDOW_SECONDS: positiveWhole(DEFAULT_RATE_LIMIT.windowSeconds),
  /** The composed supergraph; the checked-in gateway/supergraph.graphql unless told otherwise. */
  SUPERGRAPH_PATH: z.string().min(1).optional(),
  IDENTITY_URL: optionalUrl,
  POLICY_URL: optionalUrl,
  WORKFLOW_URL: optionalUrl,
  CONNECTOR_URL: optionalUrl,
});

export type GatewayConfig = z.infer<typeof gatewayConfigSchema>;

/** Subgraph URLs given in the configuration; the others keep their routing URL from the supergraph. */
export function subgraphUrlOverrides(config: GatewayConfig): Partial<Record<SubgraphName, string>> {
  const overrides: Partial<Record<SubgraphName, string>> = {};
  for (const subgraph of SUBGRAPHS) {
    const url = config[subgraph.urlVariable];
    if (url) overrides[subgraph.name] = url;
  }
  return overrides;
}

export function graphqlLimits(config: GatewayConfig): GraphqlLimits {
  return {
    maxDepth: config.GRAPHQL_MAX_DEPTH,
    maxCost: config.GRAPHQL_MAX_COST,
    maxAliases: config.GRAPHQL_MAX_ALIASES,
    maxDirectives: config.GRAPHQL_MAX_DIRECTIVES,
    maxTokens: config.GRAPHQL_MAX_TOKENS,
  };
}
