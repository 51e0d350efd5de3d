import 'server-only';
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { signInPath } from './auth/return-to';
import { portalConfig } from './config';
import { isExpired, SESSION_COOKIE, unsealSession } from './session/session-cookie';
import type { Session, StoredSession } from './session/session-types';

export type { PortalRole, Session } from './session/session-types';

/** The request header proxy.ts sets to the path being rendered, so a redirect to sign-in can bring the person back. */
export const REQUEST_PATH_HEADER = 'x-tenure-path';

/**
 * The signed-in person; null when nobody is signed in or the access token has expired. (proxy.ts refreshes
 * tokens near expiry before a page renders, so an expired one here means the refresh failed.)
 */
export async function getSession(): Promise<Session | null> {
  const stored = await readStoredSession();
  if (!stored || isExpired(stored, new Date())) return null;
  return publicSession(stored);
}

/** The signed-in person; redirects to /auth/sign-in (and back here afterwards) when there is none. */
export async function requireSession(): Promise<Session> {
  const session = await getSession();
  if (!session) redirect(await signInPathForThisRequest());
  return session;
}

/** The sign-in route that brings the person back to the page being rendered. */
export async function signInPathForThisRequest(): Promise<string> {
  return signInPath((await headers()).get(REQUEST_PATH_HEADER));
}

/** The whole stored session (refresh and ID tokens included), for the sign-out route only. */
export async function readStoredSession(): Promise<StoredSession | null> {
  const value = (await cookies()).get(SESSION_COOKIE)?.value;
  return unsealSession(value, portalConfig().sessionSecret, new Date());
}

function publicSession(stored: StoredSession): Session {
  return {
    employeeNumber: stored.employeeNumber,
    name: stored.name,
    email: stored.email,
    roles: stored.roles,
    accessToken: stored.accessToken,
    expiresAt: stored.expiresAt,
  };
}

export function hasRole(session: Session, role: Session['roles'][number]): boolean {
  return session.roles.includes(role);
}
