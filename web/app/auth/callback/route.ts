import { NextResponse, type NextRequest } from 'next/server';
import * as client from 'openid-client';
import { callbackUrl, describe, oidcConfiguration } from '@/lib/auth/oidc-client';
import { sessionFromTokens } from '@/lib/auth/session-from-tokens';
import type { SignInErrorCode } from '@/lib/auth/sign-in-errors';
import { SIGN_IN_COOKIE, unsealSignInTransaction } from '@/lib/auth/sign-in-transaction';
import { portalConfig } from '@/lib/config';
import { cookieOptions } from '@/lib/session/cookie-options';
import { SESSION_COOKIE, SESSION_MAX_AGE_SECONDS, sealSession } from '@/lib/session/session-cookie';

/** The provider's redirect back: checks state, nonce and PKCE, exchanges the code, and opens the session. */
export async function GET(request: NextRequest): Promise<NextResponse> {
  const config = portalConfig();
  const now = new Date();
  const transaction = await unsealSignInTransaction(request.cookies.get(SIGN_IN_COOKIE)?.value, config.sessionSecret, now);
  if (!transaction) return failed('sign-in-expired');

  let configuration: client.Configuration;
  try {
    configuration = await oidcConfiguration();
  } catch (error) {
    console.error(`Sign-in could not finish: ${describe(error)}`);
    return failed('provider-unavailable');
  }

  // The URL the provider redirected to, rebuilt on the registered origin: behind a proxy or on 0.0.0.0 the
  // request's own host differs, and the token request must repeat the registered redirect_uri exactly.
  const currentUrl = new URL(callbackUrl());
  currentUrl.search = request.nextUrl.search;

  let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
  try {
    tokens = await client.authorizationCodeGrant(configuration, currentUrl, {
      pkceCodeVerifier: transaction.codeVerifier,
      expectedState: transaction.state,
      expectedNonce: transaction.nonce,
      idTokenExpected: true,
    });
  } catch (error) {
    console.warn(`Sign-in was not completed: ${describe(error)}`);
    return failed(error instanceof client.AuthorizationResponseError ? 'sign-in-refused' : 'sign-in-failed');
  }

  const session = sessionFromTokens(
    {
      accessToken: tokens.access_token,
      idToken: tokens.id_token,
      refreshToken: tokens.refresh_token,
      expiresInSeconds: tokens.expiresIn(),
      idTokenClaims: tokens.claims(),
    },
    config,
    now,
  );
  const response = NextResponse.redirect(new URL(transaction.returnTo, config.origin), 303);
  response.cookies.set(SESSION_COOKIE, await sealSession(session, config.sessionSecret, now), cookieOptions(SESSION_MAX_AGE_SECONDS));
  response.cookies.set(SIGN_IN_COOKIE, '', cookieOptions(0, '/auth'));
  return response;
}

function failed(reason: SignInErrorCode): NextResponse {
  const response = NextResponse.redirect(new URL(`/auth/error?reason=${reason}`, portalConfig().origin), 303);
  response.cookies.set(SIGN_IN_COOKIE, '', cookieOptions(0, '/auth'));
  return response;
}
