import { EncryptJWT, jwtDecrypt, errors as joseErrors } from 'jose';
import { hkdfSync } from 'node:crypto';
import type { PortalRole, StoredSession } from './session-types';

export const SESSION_COOKIE = 'tenure_session';

/** Absolute limit of a sign-in, refreshes included: after it the person signs in again. */
export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

const ENCRYPTION = { alg: 'dir', enc: 'A256GCM' } as const;

/**
 * A 256-bit key for one purpose, derived from the portal's secret (HKDF-SHA256), so the session cookie
 * and the sign-in cookie never share a key and the secret itself is never used as a key.
 */
export function deriveKey(secret: string, purpose: string): Uint8Array {
  return new Uint8Array(hkdfSync('sha256', secret, 'tenure-portal', purpose, 32));
}

/** Encrypts any claims into a compact JWE that expires at `expiresAtSeconds`. */
export async function seal(claims: Record<string, unknown>, key: Uint8Array, expiresAtSeconds: number, now: Date): Promise<string> {
  return new EncryptJWT(claims)
    .setProtectedHeader(ENCRYPTION)
    .setIssuedAt(Math.floor(now.getTime() / 1000))
    .setExpirationTime(expiresAtSeconds)
    .encrypt(key);
}

/** The claims of a sealed value; null when it was tampered with, encrypted with another key, expired or malformed. */
export async function unseal(value: string, key: Uint8Array, now: Date): Promise<Record<string, unknown> | null> {
  try {
    const { payload } = await jwtDecrypt(value, key, {
      currentDate: now,
      keyManagementAlgorithms: ['dir'],
      contentEncryptionAlgorithms: ['A256GCM'],
    });
    return payload;
  } catch (error) {
    if (error instanceof joseErrors.JOSEError || error instanceof TypeError) return null;
    throw error;
  }
}

export function sessionKey(secret: string): Uint8Array {
  return deriveKey(secret, 'session-cookie');
}

/** The cookie value for a session; it expires with the sign-in's absolute limit. */
export async function sealSession(session: StoredSession, secret: string, now: Date): Promise<string> {
  const expiresAtSeconds = Math.floor(session.signedInAt / 1000) + SESSION_MAX_AGE_SECONDS;
  return seal({ session }, sessionKey(secret), expiresAtSeconds, now);
}

/** The session a cookie holds; null when the cookie is not one this portal sealed, or is past its absolute limit. */
export async function unsealSession(value: string | undefined, secret: string, now: Date): Promise<StoredSession | null> {
  if (!value) return null;
  const claims = await unseal(value, sessionKey(secret), now);
  return claims ? parseStoredSession(claims.session) : null;
}

function parseStoredSession(value: unknown): StoredSession | null {
  if (typeof value !== 'object' || value === null) return null;
  const candidate = value as Record<string, unknown>;
  const roles = Array.isArray(candidate.roles) ? candidate.roles.filter(isRole) : [];
  if (
    typeof candidate.employeeNumber !== 'string' ||
    typeof candidate.name !== 'string' ||
    typeof candidate.email !== 'string' ||
    typeof candidate.accessToken !== 'string' ||
    typeof candidate.expiresAt !== 'number' ||
    typeof candidate.signedInAt !== 'number'
  ) {
    return null;
  }
  return {
    employeeNumber: candidate.employeeNumber,
    name: candidate.name,
    email: candidate.email,
    roles,
    accessToken: candidate.accessToken,
    expiresAt: candidate.expiresAt,
    signedInAt: candidate.signedInAt,
    ...(typeof candidate.refreshToken === 'string' ? { refreshToken: candidate.refreshToken } : {}),
    ...(typeof candidate.idToken === 'string' ? { idToken: candidate.idToken } : {}),
  };
}

function isRole(value: unknown): value is PortalRole {
  return value === 'administrator' || value === 'auditor';
}

/** Refresh this long before the access token expires, so a page never starts with a token about to die. */
export const REFRESH_MARGIN_MS = 60_000;

/** Whether the access token should be refreshed (or, without a refresh token, the person sign in again). */
export function needsRefresh(session: Pick<StoredSession, 'expiresAt'>, now: Date): boolean {
  return session.expiresAt - REFRESH_MARGIN_MS <= now.getTime();
}

export function isExpired(session: Pick<StoredSession, 'expiresAt'>, now: Date): boolean {
  return session.expiresAt <= now.getTime();
}
