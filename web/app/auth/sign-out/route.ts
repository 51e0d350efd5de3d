import { NextResponse, type NextRequest } from 'next/server';
import * as client from 'openid-client';
import { describe, oidcConfiguration, postSignOutUrl } from '@/lib/auth/oidc-client';
import { portalConfig } from '@/lib/config';
import { readStoredSession } from '@/lib/session';
import { cookieOptions } from '@/lib/session/cookie-options';
import { SESSION_COOKIE } from '@/lib/session/session-cookie';

/**
 * Ends the portal's session, then the provider's (RP-initiated logout at its end_session endpoint), which
 * brings the person back to the portal's home. POST only: a link or a prefetch must never sign anyone out.
 */
export async function POST(request: NextRequest): Promise<NextResponse> {
  const config = portalConfig();
  const origin = request.headers.get('origin');
  if (origin && origin !== config.origin.origin) {
    return NextResponse.json({ error: `Sign-out is only accepted from ${config.origin.origin}` }, { status: 403 });
  }

  const session = await readStoredSession();
  const response = NextResponse.redirect(await endSessionUrl(session?.idToken), 303);
  response.cookies.set(SESSION_COOKIE, '', cookieOptions(0));
  return response;
}

async function endSessionUrl(idToken: string | undefined): Promise<URL> {
  try {
    const configuration = await oidcConfiguration();
    if (!configuration.serverMetadata().end_session_endpoint) return postSignOutUrl();
    return client.buildEndSessionUrl(configuration, {
      post_logout_redirect_uri: postSignOutUrl().href,
      ...(idToken ? { id_token_hint: idToken } : {}),
    });
  } catch (error) {
    // The portal's session is gone either way; the provider's ends when it expires.
    console.warn(`Signing out at the provider was skipped: ${describe(error)}`);
    return postSignOutUrl();
  }
}
