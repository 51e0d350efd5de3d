import { NextResponse, type NextRequest } from 'next/server';
import { refreshSession } from './lib/auth/refresh';
import { signInPath } from './lib/auth/return-to';
import { portalConfig } from './lib/config';
import { REQUEST_PATH_HEADER } from './lib/session';
import { cookieOptions } from './lib/session/cookie-options';
import { isExpired, needsRefresh, SESSION_COOKIE, SESSION_MAX_AGE_SECONDS, sealSession, unsealSession } from './lib/session/session-cookie';

/**
 * Runs before every page and server action. Server components cannot set cookies, so this is where an access
 * token near expiry is refreshed (the new cookie goes both to the browser and to the page being rendered), and
 * where a visitor with no usable session is sent to sign in, to come back to the page they asked for.
 * The pages still check the session themselves (requireSession); this is the optimistic first pass.
 */
export async function proxy(request: NextRequest): Promise<NextResponse> {
  const path = `${request.nextUrl.pathname}${request.nextUrl.search}`;
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set(REQUEST_PATH_HEADER, path);

  const settings = portalConfig();
  const now = new Date();
  const stored = await unsealSession(request.cookies.get(SESSION_COOKIE)?.value, settings.sessionSecret, now);
  if (stored && !needsRefresh(stored, now)) return NextResponse.next({ request: { headers: requestHeaders } });

  const refreshed = stored ? await refreshSession(stored, now) : null;
  if (refreshed) {
    const value = await sealSession(refreshed, settings.sessionSecret, now);
    request.cookies.set(SESSION_COOKIE, value);
    requestHeaders.set('cookie', request.cookies.toString());
    const response = NextResponse.next({ request: { headers: requestHeaders } });
    const remainingSeconds = Math.floor(refreshed.signedInAt / 1000) + SESSION_MAX_AGE_SECONDS - Math.floor(now.getTime() / 1000);
    response.cookies.set(SESSION_COOKIE, value, cookieOptions(remainingSeconds));
    return response;
  }
  // Near expiry but not refreshable: use what is left of the token; the next visit signs in again.
  if (stored && !isExpired(stored, now)) return NextResponse.next({ request: { headers: requestHeaders } });

  // Server actions (POST) get to run: their requireSession() redirects inside the action's response.
  if (request.method !== 'GET' && request.method !== 'HEAD') return NextResponse.next({ request: { headers: requestHeaders } });
  const response = NextResponse.redirect(new URL(signInPath(path), settings.origin), 307);
  if (stored) response.cookies.set(SESSION_COOKIE, '', cookieOptions(0));
  return response;
}

export const config = {
  // Everything but the sign-in routes and Next's own assets.
  matcher: ['/((?!auth/|health|_next/static|_next/image|favicon\\.ico|icon\\.svg|robots\\.txt).*)'],
};
