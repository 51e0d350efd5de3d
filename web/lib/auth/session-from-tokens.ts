import { accessTokenExpiry, profileFromTokens, type RoleGroups } from '../session/profile';
import type { StoredSession } from '../session/session-types';

/** The parts of a token endpoint response a session is made of. */
export interface TokenSet {
  accessToken: string;
  idToken?: string;
  refreshToken?: string;
  expiresInSeconds?: number;
  idTokenClaims?: Record<string, unknown>;
}

/**
 * A session from a token response: a new sign-in when `previous` is absent, else a refresh that keeps the
 * sign-in time (its absolute limit) and the refresh and ID tokens the provider did not replace.
 */
export function sessionFromTokens(tokens: TokenSet, groups: RoleGroups, now: Date, previous?: StoredSession): StoredSession {
  const profile = profileFromTokens(tokens.accessToken, tokens.idTokenClaims, groups);
  if (previous && profile.employeeNumber !== previous.employeeNumber) {
    throw new Error(`A refresh for ${previous.employeeNumber} returned tokens for ${profile.employeeNumber}: the session is dropped`);
  }
  const refreshToken = tokens.refreshToken ?? previous?.refreshToken;
  const idToken = tokens.idToken ?? previous?.idToken;
  return {
    ...profile,
    accessToken: tokens.accessToken,
    expiresAt: accessTokenExpiry(tokens.accessToken, tokens.expiresInSeconds, now),
    signedInAt: previous?.signedInAt ?? now.getTime(),
    ...(refreshToken ? { refreshToken } : {}),
    ...(idToken ? { idToken } : {}),
  };
}
