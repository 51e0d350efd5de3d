import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { CORRELATION_HEADER, correlationMiddleware, type Logger } from '@tenure/platform';
import { createErrorFormatter } from '@tenure/subgraph';
import express, { type ErrorRequestHandler, type Request } from 'express';
import { ConfigurationError } from '@tenure/platform';
import { parseTokenList } from '@tenure/service-runtime';
import { AccessTokenVerifier } from './authentication/access-token-verifier';
import { ActingPersonResolver } from './authentication/acting-person';
import { authenticate, type Authentication } from './authentication/authenticate';
import { parseIntegrationTokens } from './authentication/integration-tokens';
import { type GatewayConfig, graphqlLimits, oidcSettings, subgraphUrlOverrides } from './config';
import { type ErrorBody, graphqlErrorBody, scimErrorBody, webhookErrorBody } from './error-bodies';
import { createGateway } from './gateway';
import { graphqlLimitOptions } from './graphql-limits';
import { IDENTITY_HTTP_PATHS, mountIdentityRoutes } from './identity-routes';
import { rateLimitPerClient } from './rate-limit';
import { checkSubgraphsReady } from './readiness';
import { readSupergraph } from './supergraph';

export interface RunningGateway {
  readonly url: string;
  /** Stops taking requests, lets running ones finish, then stops the gateway. */
  close(): Promise<void>;
}

/**
 * The one place the gateway's HTTP server is assembled: rate limit per client, body limit, health
 * endpoints, /graphql with its operation limits (depth, cost, aliases, directives, tokens), and the
 * identity service's SCIM and HR webhook paths (forwarded). In production: no introspection, no field
 * suggestions, no stack traces, no internal error messages. Every /graphql request is authenticated
 * (authentication/authenticate.ts) before its body is even read.
 */
export async function startGateway(config: GatewayConfig, logger: Logger): Promise<RunningGateway> {
  const production = config.NODE_ENV === 'production';
  const { gateway, subgraphUrls } = createGateway(readSupergraph(config.SUPERGRAPH_PATH), subgraphUrlOverrides(config), logger);
  const app = express();
  app.disable('x-powered-by');
  // First: every log line of a request, here and in the services, carries its correlation id.
  app.use(correlationMiddleware(randomUUID));
  const httpServer = createServer(app);
  const apollo = new ApolloServer({
    gateway,
    logger,
    ...graphqlLimitOptions(graphqlLimits(config)),
    introspection: !production,
    hideSchemaDetailsFromClientErrors: production,
    includeStacktraceInErrorResponses: !production,
    formatError: createErrorFormatter({ production }),
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), ...(production ? [ApolloServerPluginLandingPageDisabled()] : [])],
  });
  await apollo.start();

  app.get('/health', (_request, response) => {
    response.json({ status: 'ok' });
  });
  app.get('/ready', async (_request, response) => {
    const subgraphs = await checkSubgraphsReady(subgraphUrls);
    // No subgraph known yet means the gateway has not loaded its supergraph: not ready either.
    const ready = subgraphUrls.size > 0 && Object.values(subgraphs).every((state) => state === 'ready');
    response.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'unavailable', subgraphs });
  });
  const rateLimit = rateLimitPerClient(
    { maxRequests: config.RATE_LIMIT_MAX_REQUESTS, windowSeconds: config.RATE_LIMIT_WINDOW_SECONDS },
    tooManyRequestsBody,
  );
  // Counted before any body is read, so a flooding client costs as little as possible.
  if (rateLimit) app.use(['/graphql', IDENTITY_HTTP_PATHS.scim, IDENTITY_HTTP_PATHS.hrWebhook], rateLimit);
  // Streamed to the identity service as they are: before any body parser, with the same body limit.
  mountIdentityRoutes(app, () => subgraphUrls.get('identity'), config.BODY_LIMIT, logger);
  app.use(
    '/graphql',
    authenticate(
      authenticationFrom(config, () => subgraphUrls.get('identity')),
      logger,
    ),
    express.json({ limit: config.BODY_LIMIT }),
    expressMiddleware(apollo, {
      context: async ({ res }) => ({
        subgraphAuthorization: res.locals['subgraphAuthorization'] as string,
        correlationId: res.getHeader(CORRELATION_HEADER) as string | undefined,
      }),
    }),
  );
  app.use(bodyErrorHandler(config.BODY_LIMIT));

  await listen(httpServer, config.PORT, config.HOST);
  const { port } = httpServer.address() as AddressInfo;
  const url = `http://${config.HOST.includes(':') ? `[${config.HOST}]` : config.HOST}:${port}/graphql`;
  return { url, close: () => apollo.stop() };
}

/**
 * People sign in through the OpenID provider when one is configured; administrator API tokens always work;
 * integrations act for the person they name, found in the identity service.
 */
function authenticationFrom(config: GatewayConfig, identityUrl: () => string | undefined): Authentication {
  const settings = oidcSettings(config);
  const integrations = parseIntegrationTokens(config.INTEGRATION_TOKENS);
  const secret = config.CALLER_TOKEN_SECRET;
  if (settings && !secret) {
    throw new ConfigurationError(['CALLER_TOKEN_SECRET: required with OIDC_ISSUER, to vouch for signed-in people to the services']);
  }
  if (integrations.length > 0 && !secret) {
    throw new ConfigurationError(['CALLER_TOKEN_SECRET: required with INTEGRATION_TOKENS, to vouch for the people integrations act for']);
  }
  return {
    adminTokens: parseTokenList(config.ADMIN_TOKENS),
    accessTokens: settings ? new AccessTokenVerifier(settings) : undefined,
    callerTokenSecret: secret,
    integrations,
    actingPeople: integrations.length > 0 && secret ? new ActingPersonResolver(identityUrl, secret) : undefined,
  };
}

/** Refusals in the shape of the protocol spoken on the path asked. */
function tooManyRequestsBody(request: Request): ErrorBody {
  if (request.baseUrl === IDENTITY_HTTP_PATHS.scim) return scimErrorBody;
  if (request.baseUrl === IDENTITY_HTTP_PATHS.hrWebhook) return webhookErrorBody;
  return graphqlErrorBody('RATE_LIMITED');
}

/** Body-parser rejections (too large, not JSON) answered as GraphQL-style JSON instead of an HTML page. */
function bodyErrorHandler(limit: string): ErrorRequestHandler {
  return (error: { status?: number; type?: string }, _request, response, next) => {
    if (error.type === 'entity.too.large') {
      response
        .status(413)
        .json({ errors: [{ message: `request body is larger than ${limit}`, extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
    } else if (error.type === 'entity.parse.failed') {
      response.status(400).json({ errors: [{ message: 'request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }] });
    } else {
      next(error);
    }
  };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}
