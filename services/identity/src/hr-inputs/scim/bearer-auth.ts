import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import SCIMMY from 'scimmy';

/** Parses the configured tokens (e.g. env `SCIM_TOKENS`, comma-separated); blanks are ignored. */
export function parseScimTokens(configured: string | undefined): string[] {
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

/** Answers 401 with a SCIM error body unless the request carries `Authorization: Bearer <known token>`. */
export function bearerAuthentication(tokens: readonly string[]): RequestHandler {
  if (tokens.length === 0) throw new Error('SCIM needs at least one bearer token (SCIM_TOKENS)');
  return (req, res, next) => {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(req.header('authorization') ?? '');
    const presented = match?.[1];
    if (presented && isKnownToken(presented, tokens)) {
      next();
      return;
    }
    const detail = presented ? 'the bearer token is not valid' : 'a bearer token is required (Authorization: Bearer <token>)';
    res
      .status(401)
      .setHeader('WWW-Authenticate', `Bearer realm="scim"${presented ? ', error="invalid_token"' : ''}`)
      .setHeader('Content-Type', 'application/scim+json')
      .send(JSON.stringify(new SCIMMY.Messages.ErrorResponse({ status: 401, detail })));
  };
}

function sha256(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}
