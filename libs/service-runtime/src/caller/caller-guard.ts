import { DomainError, type Actor } from '@tenure/event-sourcing';
import { GraphQLError } from 'graphql';
import { ADMIN_TOKEN_ACTOR, type AdminTokenGuard } from '../admin/admin-token-guard';
import { isAdministrator, personCaller, type Caller } from './caller';
import { currentCredentials } from './request-credentials';

/**
 * Who calls a resolver: an administrator (a token from ADMIN_TOKENS) or a person (a person token
 * signed with PERSON_TOKEN_SECRET, `npm run person-token`). Person tokens are interim, until the
 * gateway verifies OpenID Connect sign-in and passes a trusted identity to the subgraphs (issue 7);
 * the resolvers keep asking this guard, so only its inside changes then.
 */
export class CallerGuard {
  constructor(private readonly administrators: AdminTokenGuard) {}

  /** The caller of the current request, or UNAUTHENTICATED (no bearer token) / forbidden (a token that is not accepted). */
  requireCaller(action: string): Caller {
    const { bearer, personToken } = currentCredentials();
    if (!bearer) {
      throw new GraphQLError(
        `${action} needs a caller: send Authorization: Bearer <token> with a person token (npm run person-token) or an administrator token`,
        { extensions: { code: 'UNAUTHENTICATED' } },
      );
    }
    if (this.administrators.isAdministratorToken(bearer)) return { kind: 'administrator', actor: ADMIN_TOKEN_ACTOR };
    if (personToken?.kind === 'person') return personCaller(personToken.employeeNumber);
    const reason = personToken?.reason ?? 'the bearer token is neither an administrator token nor a person token';
    throw new DomainError('forbidden', `${action} is refused: ${reason}`);
  }

  /** Like `requireCaller`, but only an administrator may go on; returns the actor to record. */
  requireAdministrator(action: string): Actor {
    const caller = this.requireCaller(action);
    if (!isAdministrator(caller)) {
      throw new DomainError('forbidden', `${action} is refused: it needs an administrator, and ${caller.employeeNumber} is not one`);
    }
    return caller.actor;
  }
}
