import { createHash, timingSafeEqual } from 'node:crypto';

/** Comma-separated tokens from a variable (SCIM_TOKENS, ADMIN_TOKENS): trimmed, empty ones dropped. */
export function parseTokenList(configured: string | undefined): string[] {
  return (configured ?? '')
    .split(',')
    .map((token) => token.trim())
    .filter((token) => token.length > 0);
}

/**
 * True when the presented token is one of the configured ones. Tokens are compared as SHA-256
 * digests with `timingSafeEqual`, so neither content nor length leaks through timing, and every
 * configured token is checked even after a match.
 */
export function isKnownToken(presented: string, tokens: readonly string[]): boolean {
  const digest = sha256(presented);
  let known = false;
  for (const token of tokens) known = timingSafeEqual(digest, sha256(token)) || known;
  return known;
}

function sha256(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}
