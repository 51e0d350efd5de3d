import { isKnownToken, parseTokenList } from '@tenure/service-runtime';
import type { RequestHandler } from 'express';
import SCIMMY from 'scimmy';

/** SCIM_TOKENS: comma-separated, trimmed, empty ones dropped. */
export const parseScimTokens = parseTokenList;

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
