import { DomainError, type Actor } from '@tenure/event-sourcing';
import { GraphQLError } from 'graphql';
import { ADMIN_TOKEN_ACTOR, type AdminTokenGuard } from '../admin/admin-token-guard';
import { isAdministrator, isReader, personCaller, type Caller } from './caller';
import { currentCredentials } from './request-credentials';

/**
 * Who calls a resolver: an administrator API token (ADMIN_TOKENS, for automation) or a person the
 * gateway vouches for with a caller token (signed with CALLER_TOKEN_SECRET after it verified their
 * OpenID Connect sign-in). Resolvers ask this guard for the caller and for the two platform roles;
 * everything finer (the reporting line, approvers, owners) is decided by the business layer.
 */
export class CallerGuard {
  constructor(private readonly administrators: AdminTokenGuard) {}

  /** The caller of the current request, or UNAUTHENTICATED (no bearer token) / forbidden (a token that is not accepted). */
  requireCaller(action: string): Caller {
    const { bearer, callerToken } = currentCredentials();
    if (!bearer) {
      throw new GraphQLError(`${action} needs a caller: sign in (Authorization: Bearer <access token>) or use an administrator API token`, {
        extensions: { code: 'UNAUTHENTICATED' },
      });
    }
    if (this.administrators.isAdministratorToken(bearer)) return { kind: 'administrator', actor: ADMIN_TOKEN_ACTOR };
    if (callerToken?.kind === 'person') return personCaller(callerToken.employeeNumber, callerToken.roles);
    const reason = callerToken?.reason ?? 'the bearer token is neither an administrator token nor a caller token from the gateway';
    throw new DomainError('forbidden', `${action} is refused: ${reason}`);
  }

  /** Only an administrator (API token, or a person with the administrator role) may go on; returns the actor to record. */
  requireAdministrator(action: string): Actor {
    const caller = this.requireCaller(action);
    if (!isAdministrator(caller)) {
      throw new DomainError('forbidden', `${action} is refused: it needs an administrator, and ${describe(caller)} is not one`);
    }
    return caller.actor;
  }

  /** Only a caller who may read everything (administrators and auditors) may go on. */
  requireReader(action: string): Caller {
    const caller = this.requireCaller(action);
    if (!isReader(caller)) {
      throw new DomainError('forbidden', `${action} is refused: it is for administrators and auditors, and ${describe(caller)} is neither`);
    }
    return caller;
  }
}

function describe(caller: Caller): string {
  return caller.kind === 'person' ? caller.employeeNumber : 'this token';
}
