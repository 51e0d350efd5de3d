import 'server-only';
import * as client from 'openid-client';
import { portalConfig } from '../config';
import type { StoredSession } from '../session/session-types';
import { describe, oidcConfiguration } from './oidc-client';
import { sessionFromTokens } from './session-from-tokens';

// One refresh per refresh token at a time: a page and its prefetches arrive together, and a provider that
// rotates refresh tokens would take a second use of the same one for theft and end the whole grant.
const inFlight = new Map<string, Promise<StoredSession | null>>();

/**
 * The session with a fresh access token from its refresh token; null when there is no refresh token or the
 * provider refuses it (the person signs in again).
 */
export function refreshSession(session: StoredSession, now: Date): Promise<StoredSession | null> {
  const refreshToken = session.refreshToken;
  if (!refreshToken) return Promise.resolve(null);
  let pending = inFlight.get(refreshToken);
  if (!pending) {
    pending = exchange(session, refreshToken, now).finally(() => inFlight.delete(refreshToken));
    inFlight.set(refreshToken, pending);
  }
  return pending;
}

async function exchange(session: StoredSession, refreshToken: string, now: Date): Promise<StoredSession | null> {
  try {
    const configuration = await oidcConfiguration();
    const tokens = await client.refreshTokenGrant(configuration, refreshToken);
    return sessionFromTokens(
      {
        accessToken: tokens.access_token,
        idToken: tokens.id_token,
        refreshToken: tokens.refresh_token,
        expiresInSeconds: tokens.expiresIn(),
        idTokenClaims: tokens.claims(),
      },
      portalConfig(),
      now,
      session,
    );
  } catch (error) {
    // Never the token itself: only who and why.
    console.warn(`Refreshing the session of ${session.employeeNumber} failed (${describe(error)}); they will sign in again`);
    return null;
  }
}
