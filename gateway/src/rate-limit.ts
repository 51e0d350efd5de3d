import { createHash } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { ACT_AS_EMAIL_HEADER } from './authentication/integration-tokens';
import type { ErrorBody } from './error-bodies';

export interface RateLimit {
  /** Requests one client may send per window; 0 turns the limit off. */
  readonly maxRequests: number;
  readonly windowSeconds: number;
}

/** Generous: ten requests a second, sustained for a minute, is far above what a person or the portal sends. */
export const DEFAULT_RATE_LIMIT: RateLimit = { maxRequests: 600, windowSeconds: 60 };

/**
 * Counts each client's requests in a fixed window (in this process's memory) and answers 429 with
 * Retry-After and the standard RateLimit headers once a client is over. `errorBody` shapes the
 * refusal for the path asked (GraphQL, SCIM, webhook). Undefined when the limit is off.
 */
export function rateLimitPerClient(limit: RateLimit, errorBody: (request: Request) => ErrorBody): RequestHandler | undefined {
  if (limit.maxRequests === 0) return undefined;
  const detail = `too many requests from this client: at most ${limit.maxRequests} every ${limit.windowSeconds} s`;
  return rateLimit({
    windowMs: limit.windowSeconds * 1000,
    limit: limit.maxRequests,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: clientKey,
    handler: (request, response) => {
      const { contentType, body } = errorBody(request)(429, detail);
      response.status(429).setHeader('Content-Type', contentType).send(body);
    },
  });
}

/**
 * The client a request counts for: its bearer token when it has one, so people behind one address (or
 * the portal's server, rendering for many people) are counted apart; otherwise its address. The token is
 * kept only as a hash. The limit is counted before authentication, so that a flood costs nothing but
 * the count: a client inventing tokens (or, with an integration token, people) dodges the limit, but each invented token gets a cheap 401
 * (authentication/authenticate.ts) and never reaches a service.
 */
export function clientKey(request: Request): string {
  const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
  if (bearer) return `token:${hashed(bearer)}${actingForKey(request)}`;
  return `address:${ipKeyGenerator(request.ip ?? request.socket.remoteAddress ?? 'unknown')}`;
}

/**
 * An integration (the Slack app) sends every person's requests with one token: each person it acts
 * for counts apart, as they would signing in themselves. The header is not trusted here; a token
 * that is not an integration's is refused by authentication whatever it names.
 */
function actingForKey(request: Request): string {
  const email = request.headers[ACT_AS_EMAIL_HEADER];
  return typeof email === 'string' && email.trim() !== '' ? `:as:${hashed(email.trim().toLowerCase())}` : '';
}

function hashed(value: string): string {
  return createHash('sha256').update(value).digest('base64url');
}
