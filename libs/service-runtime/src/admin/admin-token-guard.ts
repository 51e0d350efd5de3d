import type { Actor } from '@tenure/event-sourcing';
import { isKnownToken } from './known-token';

/**
 * Administrator API tokens (ADMIN_TOKENS): for automation and integrations, not for people, who sign
 * in through OpenID Connect. Every such token acts as the same actor, so the audit trail says an API
 * token did it. `CallerGuard` asks this class; resolvers ask `CallerGuard`.
 */
export const ADMIN_TOKEN_ACTOR: Actor = { kind: 'person', id: 'admin-token' };

export class AdminTokenGuard {
  constructor(private readonly tokens: readonly string[]) {}

  /** True when `presented` is one of ADMIN_TOKENS (compared in constant time); tokens are never logged or echoed. */
  isAdministratorToken(presented: string): boolean {
    return this.tokens.length > 0 && isKnownToken(presented, this.tokens);
  }
}
