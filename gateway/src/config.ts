import { logLevelSchema, portSchema } from '@tenure/platform';
import { parseTokenList } from '@tenure/service-runtime';
import { z } from 'zod';
import type { OidcSettings } from './authentication/access-token-verifier';
import { integrationTokenProblems } from './authentication/integration-tokens';
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
  /** The OpenID provider people sign in with; unset: only administrator API tokens are accepted. */
  OIDC_ISSUER: optionalUrl,
  OIDC_AUDIENCE: z.string().min(1).default('tenure-api'),
  OIDC_JWKS_URI: optionalUrl,
  OIDC_EMPLOYEE_NUMBER_CLAIM: z.string().min(1).default('employee_number'),
  OIDC_GROUPS_CLAIM: z.string().min(1).default('groups'),
  OIDC_ADMINISTRATOR_GROUPS: z.string().default('tenure-administrators'),
  OIDC_AUDITOR_GROUPS: z.string().default('tenure-auditors'),
  /** Signs the caller tokens the services trust; shared with the services only (never logged). */
  CALLER_TOKEN_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** Administrator API tokens, comma-separated (never logged). */
  ADMIN_TOKENS: z.string().optional(),
  /**
   * Integrations (the Slack app) that act for one person per request: comma-separated name:token pairs,
   * tokens of at least 32 characters (never logged). Unset: none.
   */
  INTEGRATION_TOKENS: z
    .string()
    .optional()
    .superRefine((value, context) => {
      for (const problem of integrationTokenProblems(value)) context.addIssue({ code: 'custom', message: problem });
    }),
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

/** How people's access tokens are checked, or undefined when no OpenID provider is configured. */
export function oidcSettings(config: GatewayConfig): OidcSettings | undefined {
  if (!config.OIDC_ISSUER) return undefined;
  return {
    issuer: config.OIDC_ISSUER,
    audience: config.OIDC_AUDIENCE,
    jwksUri: config.OIDC_JWKS_URI,
    employeeNumberClaim: config.OIDC_EMPLOYEE_NUMBER_CLAIM,
    groupsClaim: config.OIDC_GROUPS_CLAIM,
    administratorGroups: parseTokenList(config.OIDC_ADMINISTRATOR_GROUPS),
    auditorGroups: parseTokenList(config.OIDC_AUDITOR_GROUPS),
  };
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
