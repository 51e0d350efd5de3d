import { setTimeout as sleepFor } from 'node:timers/promises';
import { ConnectorError } from '@tenure/connector-sdk';
import { parseRetryAfter } from './retry-after';
import type { ScimResponse } from './scim-errors';

export interface ScimRequest {
  readonly method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** Relative to the base URL, e.g. `/Users/123`. */
  readonly path: string;
  readonly query?: Readonly<Record<string, string | number>>;
  readonly body?: unknown;
  /** What is being attempted, for error messages ("create user alice"). */
  readonly action: string;
}

export interface ScimTransportOptions {
  readonly baseUrl: string;
  readonly authorization: string;
  /** Values to keep out of every message (tokens, passwords, encoded credentials). */
  readonly secretValues: readonly string[];
  readonly timeoutMs: number;
  readonly maxRetries: number;
  readonly maxRetryWaitMs: number;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly now?: () => number;
}

const SCIM_JSON = 'application/scim+json';
/** Without a Retry-After, a 429 is retried after 1 s, 2 s, 4 s... (capped by maxRetryWaitMs). */
const FIRST_BACKOFF_MS = 1000;

/**
 * HTTP to one SCIM server with Node's fetch: authentication, JSON, per-attempt timeouts and the
 * rate-limit policy (429 is waited out up to `maxRetries` times when the wait is acceptable).
 * Returns every other answer as it is; transport failures are ConnectorErrors.
 */
export class ScimTransport {
  private readonly root: string;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly now: () => number;

  constructor(private readonly options: ScimTransportOptions) {
    this.root = options.baseUrl.replace(/\/+$/, '');
    this.sleep = options.sleep ?? ((ms) => sleepFor(ms));
    this.now = options.now ?? Date.now;
  }

  async exchange(request: ScimRequest): Promise<ScimResponse> {
    for (let attempt = 0; ; attempt += 1) {
      const response = await this.attempt(request);
      if (response.status !== 429) return response;
      const waitMs = response.retryAfterMs ?? FIRST_BACKOFF_MS * 2 ** attempt;
      if (attempt >= this.options.maxRetries || waitMs > this.options.maxRetryWaitMs) {
        throw new ConnectorError(
          'rate-limited',
          `${request.action}: the SCIM server is rate limiting (429) after ${attempt + 1} attempt(s)` +
            (response.retryAfterMs === null ? '' : `; it asks to wait ${response.retryAfterMs} ms`),
          { retryAfterMs: response.retryAfterMs },
        );
      }
      await this.sleep(waitMs);
    }
  }

  private async attempt(request: ScimRequest): Promise<ScimResponse> {
    const signal = AbortSignal.timeout(this.options.timeoutMs);
    try {
      const response = await fetch(this.url(request), {
        method: request.method,
        headers: {
          authorization: this.options.authorization,
          accept: `${SCIM_JSON}, application/json`,
          ...(request.body === undefined ? {} : { 'content-type': SCIM_JSON }),
        },
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        signal,
      });
      const text = await response.text();
      return {
        status: response.status,
        body: this.parseBody(text),
        retryAfterMs: parseRetryAfter(response.headers.get('retry-after'), this.now()),
      };
    } catch (error) {
      if (signal.aborted) {
        throw new ConnectorError('timeout', `${request.action}: no answer from the SCIM server within ${this.options.timeoutMs} ms`);
      }
      throw new ConnectorError('unavailable', `${request.action}: could not reach the SCIM server (${networkReason(error)})`);
    }
  }

  private url(request: ScimRequest): string {
    const query = new URLSearchParams();
    for (const [name, value] of Object.entries(request.query ?? {})) query.set(name, String(value));
    const search = query.size > 0 ? `?${query.toString()}` : '';
    return `${this.root}${request.path}${search}`;
  }

  private parseBody(text: string): unknown {
    const clean = this.redact(text);
    if (clean.length === 0) return undefined;
    try {
      return JSON.parse(clean) as unknown;
    } catch {
      return clean;
    }
  }

  /** A server that echoes the credentials back must not put them in our messages. */
  private redact(text: string): string {
    return this.options.secretValues.reduce((clean, secret) => (secret.length > 0 ? clean.split(secret).join('[redacted]') : clean), text);
  }
}

/** The low-level reason (ECONNREFUSED, ENOTFOUND...) without the request, which holds the credentials. */
function networkReason(error: unknown): string {
  const cause = error instanceof Error ? (error.cause as { code?: unknown; message?: unknown } | undefined) : undefined;
  if (typeof cause?.code === 'string') return cause.code;
  if (error instanceof Error) return error.message;
  return 'network error';
}
