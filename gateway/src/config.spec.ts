import { loadConfig } from '@tenure/platform';
import { gatewayConfigSchema, graphqlLimits } from './config';
import { integrationOf, parseIntegrationTokens } from './authentication/integration-tokens';
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

describe('INTEGRATION_TOKENS', () => {
  const token = 'i'.repeat(32);

  it('given name:token pairs, when loaded, then each integration is known by its name', () => {
    const config = loadConfig(gatewayConfigSchema, { INTEGRATION_TOKENS: ` slack:${token} , chat-ops:${'c'.repeat(40)}` });

    expect(parseIntegrationTokens(config.INTEGRATION_TOKENS)).toEqual([
      { name: 'slack', token },
      { name: 'chat-ops', token: 'c'.repeat(40) },
    ]);
  });

  it('given a short token, a missing name or a name given twice, when loaded, then the problem is named and no token is shown', () => {
    const load = (value: string) => () => loadConfig(gatewayConfigSchema, { INTEGRATION_TOKENS: value });

    expect(load('slack:short-token')).toThrow(/INTEGRATION_TOKENS: the token of integration "slack" must be at least 32 characters/);
    expect(load('short-token')).toThrow(/INTEGRATION_TOKENS: entry 1 must be name:token/);
    expect(load(`slack:${token},slack:${token}x`)).toThrow(/the integration name "slack" is given twice/);
    expect(load('slack:short-token')).not.toThrow(/short-token/);
  });

  it('given a presented token, when checked, then only an exact configured token names its integration', () => {
    const integrations = parseIntegrationTokens(`slack:${token},other:${'o'.repeat(32)}`);

    expect(integrationOf(token, integrations)?.name).toBe('slack');
    expect(integrationOf(`${token}x`, integrations)).toBeUndefined();
    expect(integrationOf('', integrations)).toBeUndefined();
  });
});
