import { loadConfig } from '@tenure/platform';
import { gatewayConfigSchema, graphqlLimits } from './config';
import { DEFAULT_GRAPHQL_LIMITS } from './graphql-limits';
import { DEFAULT_RATE_LIMIT } from './rate-limit';

describe('the gateway configuration', () => {
  it('given nothing set, when loaded, then the default limits apply', () => {
    const config = loadConfig(gatewayConfigSchema, {});

    expect(graphqlLimits(config)).toEqual(DEFAULT_GRAPHQL_LIMITS);
    expect(config).toMatchObject({
      RATE_LIMIT_MAX_REQUESTS: DEFAULT_RATE_LIMIT.maxRequests,
      RATE_LIMIT_WINDOW_SECONDS: DEFAULT_RATE_LIMIT.windowSeconds,
    });
  });

  it('given limits set, when loaded, then they are used; 0 turns the rate limit off', () => {
    const config = loadConfig(gatewayConfigSchema, {
      GRAPHQL_MAX_DEPTH: '7',
      GRAPHQL_MAX_COST: '900',
      GRAPHQL_MAX_ALIASES: '3',
      GRAPHQL_MAX_DIRECTIVES: '4',
      GRAPHQL_MAX_TOKENS: '500',
      RATE_LIMIT_MAX_REQUESTS: '0',
    });

    expect(graphqlLimits(config)).toEqual({ maxDepth: 7, maxCost: 900, maxAliases: 3, maxDirectives: 4, maxTokens: 500 });
    expect(config.RATE_LIMIT_MAX_REQUESTS).toBe(0);
  });

  it('given a limit that is not a positive whole number, when loaded, then the variable is named', () => {
    expect(() => loadConfig(gatewayConfigSchema, { GRAPHQL_MAX_DEPTH: '0', RATE_LIMIT_WINDOW_SECONDS: '1.5' })).toThrow(
      /GRAPHQL_MAX_DEPTH: must be at least 1[\s\S]*RATE_LIMIT_WINDOW_SECONDS: must be a whole number/,
    );
  });
});
