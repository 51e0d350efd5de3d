import { CORRELATION_HEADER, type Logger } from '@tenure/platform';
import { isKnownToken, mintCallerToken } from '@tenure/service-runtime';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { type AccessTokenVerifier, IdentityProviderUnavailable } from './access-token-verifier';
import { type ActingPersonResolver, DirectoryUnavailable } from './acting-person';
import { ACT_AS_EMAIL_HEADER, ACTING_AS_HEADER, integrationOf, type IntegrationToken } from './integration-tokens';

export interface Authentication {
  /** Tokens from ADMIN_TOKENS: API tokens for automation, passed to the services, which check them again. */
  readonly adminTokens: readonly string[];
  /** Undefined when no OpenID provider is configured: only API tokens are accepted then. */
  readonly accessTokens: AccessTokenVerifier | undefined;
  /** CALLER_TOKEN_SECRET, shared with the services only. */
  readonly callerTokenSecret: string | undefined;
  /** Tokens from INTEGRATION_TOKENS: client applications (the Slack app) acting for one person per request. */
  readonly integrations: readonly IntegrationToken[];
  /** Finds the person an integration acts for; undefined when no integration is configured. */
  readonly actingPeople: ActingPersonResolver | undefined;
}

/** A caller token lives at most this long, whatever the access token's own expiry: one request's worth, with room for slow ones. */
const CALLER_TOKEN_MAX_SECONDS = 300;

/**
 * Every /graphql request must say who it is. A person's access token is verified here, and what the
 * services receive instead is a caller token the gateway signs: a client cannot forge one, and the
 * services never have to trust a header a client could set. An administrator API token passes as it is.
 * An integration token (INTEGRATION_TOKENS) must name the person it acts for (X-Tenure-Act-As-Email):
 * the gateway finds that one active person and vouches for them with no platform role, so an
 * integration can never do more than the person could, and never what only administrators may.
 * The Authorization value to forward is kept in `response.locals.subgraphAuthorization`.
 */
export function authenticate(authentication: Authentication, logger: Logger): RequestHandler {
  return (request: Request, response: Response, next: NextFunction) => {
    decide(authentication, request).then(
      (outcome) => {
        if (outcome.kind === 'forward') {
          response.locals['subgraphAuthorization'] = outcome.authorization;
          if (outcome.integration) {
            response.setHeader(ACTING_AS_HEADER, outcome.integration.actingAs);
            logger.info({ integration: outcome.integration.name, actingAs: outcome.integration.actingAs }, 'integration request');
          }
          next();
        } else {
          if (outcome.integration) logger.warn({ integration: outcome.integration, status: outcome.status }, 'integration request refused');
          refuse(response, outcome.status, outcome.reason);
        }
      },
      (error: unknown) => {
        if (error instanceof DirectoryUnavailable) {
          logger.error({ err: error }, 'could not find the person an integration acts for');
          return refuse(response, 503, 'the person an integration acts for cannot be looked up right now; try again');
        }
        if (!(error instanceof IdentityProviderUnavailable)) return next(error);
        logger.error({ err: error }, 'could not verify an access token');
        refuse(response, 503, 'sign-in cannot be checked right now: the identity provider is unreachable');
      },
    );
  };
}

type Outcome =
  | {
      readonly kind: 'forward';
      readonly authorization: string;
      readonly integration?: { readonly name: string; readonly actingAs: string };
    }
  | { readonly kind: 'refuse'; readonly status: 401 | 403; readonly reason: string; readonly integration?: string };

async function decide(authentication: Authentication, request: Request): Promise<Outcome> {
  const header = request.headers.authorization;
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')?.[1];
  if (!bearer) {
    return refusal(
      header ? 'the Authorization header must be "Bearer <token>"' : 'sign in first: send Authorization: Bearer <access token>',
    );
  }
  if (authentication.adminTokens.length > 0 && isKnownToken(bearer, authentication.adminTokens)) {
    return { kind: 'forward', authorization: `Bearer ${bearer}` };
  }
  const integration = integrationOf(bearer, authentication.integrations);
  if (integration) return actFor(authentication, integration, request);
  if (!authentication.accessTokens || !authentication.callerTokenSecret) {
    return refusal('people cannot sign in here: no OpenID provider is configured (OIDC_ISSUER), and the token is not an API token');
  }
  const check = await authentication.accessTokens.verify(bearer);
  if (check.kind === 'refused') return refusal(check.reason);
  const secondsLeft = (check.expiresAt.getTime() - Date.now()) / 1000;
  const callerToken = await mintCallerToken(authentication.callerTokenSecret, check.employeeNumber, {
    roles: check.roles,
    hours: Math.max(1, Math.min(CALLER_TOKEN_MAX_SECONDS, secondsLeft)) / 3600,
  });
  return { kind: 'forward', authorization: `Bearer ${callerToken}` };
}

/** An integration's request, as the one active person it names, with that person's rights and no platform role. */
async function actFor(authentication: Authentication, integration: IntegrationToken, request: Request): Promise<Outcome> {
  const email = request.headers[ACT_AS_EMAIL_HEADER];
  if (typeof email !== 'string' || email.trim() === '') {
    return {
      ...refusal(`an integration token acts for one person: send X-Tenure-Act-As-Email: <their email>`),
      integration: integration.name,
    };
  }
  if (!authentication.actingPeople || !authentication.callerTokenSecret) {
    return { ...refusal('integrations cannot act for people here: CALLER_TOKEN_SECRET is not configured'), integration: integration.name };
  }
  const correlationId = request.res?.getHeader(CORRELATION_HEADER);
  const person = await authentication.actingPeople.resolve(email, typeof correlationId === 'string' ? correlationId : undefined);
  if (person.kind === 'refused') return { kind: 'refuse', status: 403, reason: person.reason, integration: integration.name };
  // No roles: administrator and auditor powers never pass through an integration, whatever the identity provider says.
  const callerToken = await mintCallerToken(authentication.callerTokenSecret, person.employeeNumber, {
    roles: [],
    hours: CALLER_TOKEN_MAX_SECONDS / 3600,
  });
  return {
    kind: 'forward',
    authorization: `Bearer ${callerToken}`,
    integration: { name: integration.name, actingAs: person.employeeNumber },
  };
}

function refusal(reason: string): Outcome & { readonly kind: 'refuse' } {
  return { kind: 'refuse', status: 401, reason };
}

const CODES: Record<number, string> = { 401: 'UNAUTHENTICATED', 403: 'FORBIDDEN', 503: 'SERVICE_UNAVAILABLE' };

function refuse(response: Response, status: 401 | 403 | 503, reason: string): void {
  if (status === 401) response.setHeader('WWW-Authenticate', 'Bearer realm="tenure"');
  response.status(status).json({ errors: [{ message: reason, extensions: { code: CODES[status] } }] });
}
