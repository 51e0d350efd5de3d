import { DomainError, type Actor } from '@tenure/event-sourcing';
import { GraphQLError } from 'graphql';
import { currentCredentials } from '../caller/request-credentials';
import { isKnownToken } from './known-token';

/**
 * Interim administrator check, shared by every service's subgraph, until OIDC and roles arrive (issue 7): a bearer token from
 * ADMIN_TOKENS. There is no user identity yet, so every administrator acts as the same actor.
 */
export const ADMIN_TOKEN_ACTOR: Actor = { kind: 'person', id: 'admin-token' };

export class AdminTokenGuard {
  constructor(private readonly tokens: readonly string[]) {}

  /** The actor of the current request, or an UNAUTHENTICATED/FORBIDDEN error; tokens are never logged or echoed. */
  requireAdministrator(action: string): Actor {
    const presented = currentCredentials().bearer;
    if (!presented) {
      throw new GraphQLError(`${action} needs an administrator: send Authorization: Bearer <token> with a token from ADMIN_TOKENS`, {
        extensions: { code: 'UNAUTHENTICATED' },
      });
    }
    if (this.tokens.length === 0) {
      throw new DomainError('forbidden', `${action} is refused: no administrator token is configured (set ADMIN_TOKENS)`);
    }
    if (!this.isAdministratorToken(presented)) {
      throw new DomainError('forbidden', `${action} is refused: the bearer token is not an administrator token`);
    }
    return ADMIN_TOKEN_ACTOR;
  }

  /** True when `presented` is one of ADMIN_TOKENS (compared in constant time). */
  isAdministratorToken(presented: string): boolean {
    return this.tokens.length > 0 && isKnownToken(presented, this.tokens);
  }
}
