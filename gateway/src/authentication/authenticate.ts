import type { Logger } from '@tenure/platform';
import { isKnownToken, mintCallerToken } from '@tenure/service-runtime';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { type AccessTokenVerifier, IdentityProviderUnavailable } from './access-token-verifier';

export interface Authentication {
  /** Tokens from ADMIN_TOKENS: API tokens for automation, passed to the services, which check them again. */
  readonly adminTokens: readonly string[];
  /** Undefined when no OpenID provider is configured: only API tokens are accepted then. */
  readonly accessTokens: AccessTokenVerifier | undefined;
  /** CALLER_TOKEN_SECRET, shared with the services only. */
  readonly callerTokenSecret: string | undefined;
}

/** A caller token lives at most this long, whatever the access token's own expiry: one request's worth, with room for slow ones. */
const CALLER_TOKEN_MAX_SECONDS = 300;

/**
 * Every /graphql request must say who it is. A person's access token is verified here, and what the
 * services receive instead is a caller token the gateway signs: a client cannot forge one, and the
 * services never have to trust a header a client could set. An administrator API token passes as it is.
 * The Authorization value to forward is kept in `response.locals.subgraphAuthorization`.
 */
export function authenticate(authentication: Authentication, logger: Logger): RequestHandler {
  return (request: Request, response: Response, next: NextFunction) => {
    decide(authentication, request.headers.authorization).then(
      (outcome) => {
        if (outcome.kind === 'forward') {
          response.locals['subgraphAuthorization'] = outcome.authorization;
          next();
        } else {
          refuse(response, outcome.status, outcome.reason);
        }
      },
      (error: unknown) => {
        if (!(error instanceof IdentityProviderUnavailable)) return next(error);
        logger.error({ err: error }, 'could not verify an access token');
        refuse(response, 503, 'sign-in cannot be checked right now: the identity provider is unreachable');
      },
    );
  };
}

type Outcome =
  { readonly kind: 'forward'; readonly authorization: string } | { readonly kind: 'refuse'; readonly status: 401; readonly reason: string };

async function decide(authentication: Authentication, header: string | undefined): Promise<Outcome> {
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')?.[1];
  if (!bearer) {
    return refusal(
      header ? 'the Authorization header must be "Bearer <token>"' : 'sign in first: send Authorization: Bearer <access token>',
    );
  }
  if (authentication.adminTokens.length > 0 && isKnownToken(bearer, authentication.adminTokens)) {
    return { kind: 'forward', authorization: `Bearer ${bearer}` };
  }
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

function refusal(reason: string): Outcome {
  return { kind: 'refuse', status: 401, reason };
}

function refuse(response: Response, status: number, reason: string): void {
  if (status === 401) response.setHeader('WWW-Authenticate', 'Bearer realm="tenure"');
  response
    .status(status)
    .json({ errors: [{ message: reason, extensions: { code: status === 401 ? 'UNAUTHENTICATED' : 'SERVICE_UNAVAILABLE' } }] });
}
