import { AsyncLocalStorage } from 'node:async_hooks';
import type { NextFunction, Request, Response } from 'express';
import type { CallerTokenCheck, CallerTokenVerifier } from './caller-token';

/** What the GraphQL request being resolved presented: its bearer token and, for a JWT, the caller token's check. */
export interface RequestCredentials {
  readonly bearer: string | undefined;
  readonly callerToken: CallerTokenCheck | undefined;
}

/**
 * The subgraph's Apollo context carries no request, so the credentials of the GraphQL request being
 * resolved are kept here by a middleware that runs before Apollo's. A caller token is verified there,
 * because verification is asynchronous and the guards that read it are not.
 */
const requestCredentials = new AsyncLocalStorage<RequestCredentials>();

const NO_CREDENTIALS: RequestCredentials = { bearer: undefined, callerToken: undefined };

export function currentCredentials(): RequestCredentials {
  return requestCredentials.getStore() ?? NO_CREDENTIALS;
}

export function bearerTokenOf(authorization: string | undefined): string | undefined {
  return /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1];
}

/** Runs `work` as if a request presented `authorization` (the middleware below, and tests of the guards). */
export async function withRequestCredentials<T>(
  authorization: string | undefined,
  callerTokens: CallerTokenVerifier,
  work: () => T,
): Promise<T> {
  const bearer = bearerTokenOf(authorization);
  const callerToken = bearer && looksLikeJwt(bearer) ? await callerTokens.verify(bearer) : undefined;
  return requestCredentials.run({ bearer, callerToken }, work);
}

/** Express middleware for `/graphql`: keeps the request's credentials for the resolvers. It never refuses a request itself. */
export function keepRequestCredentials(callerTokens: CallerTokenVerifier) {
  return (request: Request, _response: Response, next: NextFunction): void => {
    withRequestCredentials(request.header('authorization'), callerTokens, () => next()).catch(next);
  };
}

/** Three base64url segments: worth verifying as a caller token; anything else can only be an administrator token. */
function looksLikeJwt(token: string): boolean {
  return /^[\w-]+\.[\w-]+\.[\w-]+$/.test(token);
}
