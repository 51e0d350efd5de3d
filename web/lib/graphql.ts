import 'server-only';
import { redirect } from 'next/navigation';
import { portalConfig } from './config';
import { postGraphql } from './graphql-client';
import { GraphqlRequestError } from './graphql-error';
import { readStoredSession, signInPathForThisRequest } from './session';
import { isExpired } from './session/session-cookie';

export { GraphqlRequestError } from './graphql-error';

// A token the gateway refuses this soon after sign-in is not stale: the gateway does not accept the
// provider's tokens at all, and sending the person to sign in again would loop.
const FRESH_SIGN_IN_MS = 30_000;

/**
 * Runs a GraphQL operation against the gateway with the signed-in person's access token (server only).
 * Throws GraphqlRequestError on any error; redirects to sign-in when there is no session or the gateway
 * says the token is no longer valid.
 */
export async function graphql<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
  const stored = await readStoredSession();
  if (!stored || isExpired(stored, new Date())) redirect(await signInPathForThisRequest());
  try {
    return await postGraphql<T>(portalConfig().gatewayUrl, stored.accessToken, query, variables);
  } catch (error) {
    if (!(error instanceof GraphqlRequestError) || error.code !== 'UNAUTHENTICATED') throw error;
    if (Date.now() - stored.signedInAt < FRESH_SIGN_IN_MS) {
      throw new GraphqlRequestError(
        `The gateway refused the token you just signed in with (${error.message}); an administrator should check its OpenID Connect settings`,
        'UNAUTHENTICATED',
        error.errors,
      );
    }
    redirect(await signInPathForThisRequest());
  }
}
