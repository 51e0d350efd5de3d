import { AsyncLocalStorage } from 'node:async_hooks';
import { DomainError, type Actor } from '@tenure/event-sourcing';
import type { NextFunction, Request, Response } from 'express';
import { GraphQLError } from 'graphql';
import { isKnownToken } from './known-token';

/**
 * The subgraph's Apollo context carries no request, so the Authorization header of the GraphQL
 * request being resolved is kept here by a middleware that runs before Apollo's.
 */
const requestAuthorization = new AsyncLocalStorage<{ readonly authorization: string | undefined }>();

export function keepAuthorizationHeader(request: Request, _response: Response, next: NextFunction): void {
  requestAuthorization.run({ authorization: request.header('authorization') }, next);
}

/**
 * Interim administrator check, shared by every service's subgraph, until OIDC and roles arrive (issue 7): a bearer token from
 * ADMIN_TOKENS. There is no user identity yet, so every administrator acts as the same actor.
 */
export const ADMIN_TOKEN_ACTOR: Actor = { kind: 'person', id: 'admin-token' };

export class AdminTokenGuard {
  constructor(private readonly tokens: readonly string[]) {}

  /** The actor of the current request, or an UNAUTHENTICATED/FORBIDDEN error; tokens are never logged or echoed. */
  requireAdministrator(action: string): Actor {
    const header = requestAuthorization.getStore()?.authorization ?? '';
    const presented = /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1];
    if (!presented) {
      throw new GraphQLError(`${action} needs an administrator: send Authorization: Bearer <token> with a token from ADMIN_TOKENS`, {
        extensions: { code: 'UNAUTHENTICATED' },
      });
    }
    if (this.tokens.length === 0) {
      throw new DomainError('forbidden', `${action} is refused: no administrator token is configured (set ADMIN_TOKENS)`);
    }
    if (!isKnownToken(presented, this.tokens)) {
      throw new DomainError('forbidden', `${action} is refused: the bearer token is not an administrator token`);
    }
    return ADMIN_TOKEN_ACTOR;
  }
}
