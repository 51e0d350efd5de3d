/**
 * Why an operation failed, in terms the provisioning engine acts on:
 * - unavailable, timeout, rate-limited: the target could not answer now; retry later (rate-limited
 *   says when, in `retryAfterMs`);
 * - auth: the credentials are wrong or lack a permission; retrying does not help;
 * - not-found, conflict, invalid: the request does not fit the target's state or rules;
 * - unsupported: the connector cannot do this (see its capabilities);
 * - internal: anything else (a bug, an unexpected answer).
 */
export const CONNECTOR_ERROR_KINDS = [
  'unavailable',
  'timeout',
  'rate-limited',
  'auth',
  'not-found',
  'conflict',
  'invalid',
  'unsupported',
  'internal',
] as const;
export type ConnectorErrorKind = (typeof CONNECTOR_ERROR_KINDS)[number];

const RETRYABLE: ReadonlySet<ConnectorErrorKind> = new Set(['unavailable', 'timeout', 'rate-limited']);

export class ConnectorError extends Error {
  readonly retryable: boolean;
  /** For rate-limited answers: how long the target asked to wait, when it said. */
  readonly retryAfterMs: number | null;

  constructor(
    readonly kind: ConnectorErrorKind,
    message: string,
    options: { readonly retryAfterMs?: number | null; readonly cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ConnectorError';
    this.retryable = RETRYABLE.has(kind);
    this.retryAfterMs = options.retryAfterMs ?? null;
  }
}

/** Anything a connector threw, as a ConnectorError (unknown errors are internal and not retryable). */
export function asConnectorError(error: unknown): ConnectorError {
  if (error instanceof ConnectorError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new ConnectorError('internal', message, { cause: error });
}
