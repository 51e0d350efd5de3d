import { NextResponse, type NextRequest } from 'next/server';
import * as client from 'openid-client';
import { callbackUrl, describe, oidcConfiguration } from '@/lib/auth/oidc-client';
import { safeReturnTo } from '@/lib/auth/return-to';
import { sealSignInTransaction, SIGN_IN_COOKIE, SIGN_IN_MAX_AGE_SECONDS } from '@/lib/auth/sign-in-transaction';
import { portalConfig } from '@/lib/config';
import { cookieOptions } from '@/lib/session/cookie-options';

// offline_access asks for a refresh token; OpenID Connect only honours it together with prompt=consent
// (the development provider grants consent to its first-party clients by itself).
const SCOPE = 'openid profile email offline_access';

/** Starts the authorization code flow with PKCE: remembers the checks in a short-lived cookie, then sends the person to the provider. */
export async function GET(request: NextRequest): Promise<NextResponse> {
  const config = portalConfig();
  let configuration: client.Configuration;
  try {
    configuration = await oidcConfiguration();
  } catch (error) {
    console.error(`Sign-in could not start: ${describe(error)}`);
    return NextResponse.redirect(new URL('/auth/error?reason=provider-unavailable', config.origin), 303);
  }

  const codeVerifier = client.randomPKCECodeVerifier();
  const transaction = {
    codeVerifier,
    state: client.randomState(),
    nonce: client.randomNonce(),
    returnTo: safeReturnTo(request.nextUrl.searchParams.get('returnTo')),
  };
  const authorizationUrl = client.buildAuthorizationUrl(configuration, {
    redirect_uri: callbackUrl().href,
    scope: SCOPE,
    prompt: 'consent',
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state: transaction.state,
    nonce: transaction.nonce,
  });

  const response = NextResponse.redirect(authorizationUrl, 303);
  response.cookies.set(
    SIGN_IN_COOKIE,
    await sealSignInTransaction(transaction, config.sessionSecret, new Date()),
    cookieOptions(SIGN_IN_MAX_AGE_SECONDS, '/auth'),
  );
  return response;
}
