import { deriveKey, seal, unseal } from '../session/session-cookie';
import { safeReturnTo } from './return-to';

/** The short-lived cookie that carries one sign-in from /auth/sign-in to /auth/callback. */
export const SIGN_IN_COOKIE = 'tenure_sign_in';
export const SIGN_IN_MAX_AGE_SECONDS = 10 * 60;

/** What the callback must check (PKCE verifier, state, nonce) and where to go afterwards. */
export interface SignInTransaction {
  codeVerifier: string;
  state: string;
  nonce: string;
  returnTo: string;
}

function transactionKey(secret: string): Uint8Array {
  return deriveKey(secret, 'sign-in-transaction');
}

export async function sealSignInTransaction(transaction: SignInTransaction, secret: string, now: Date): Promise<string> {
  const expiresAtSeconds = Math.floor(now.getTime() / 1000) + SIGN_IN_MAX_AGE_SECONDS;
  return seal({ transaction }, transactionKey(secret), expiresAtSeconds, now);
}

/** The transaction a cookie holds; null when missing, tampered with or older than ten minutes. */
export async function unsealSignInTransaction(value: string | undefined, secret: string, now: Date): Promise<SignInTransaction | null> {
  if (!value) return null;
  const claims = await unseal(value, transactionKey(secret), now);
  const candidate = claims?.transaction as Partial<SignInTransaction> | undefined;
  if (
    typeof candidate?.codeVerifier !== 'string' ||
    typeof candidate.state !== 'string' ||
    typeof candidate.nonce !== 'string' ||
    typeof candidate.returnTo !== 'string'
  ) {
    return null;
  }
  return {
    codeVerifier: candidate.codeVerifier,
    state: candidate.state,
    nonce: candidate.nonce,
    returnTo: safeReturnTo(candidate.returnTo),
  };
}
