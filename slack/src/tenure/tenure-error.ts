/** What went wrong with a call to Tenure, by the code the gateway or a service gave it. */
export type TenureErrorCode =
  'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'BAD_USER_INPUT' | 'FAILED_PRECONDITION' | 'CONFLICT' | 'UNAVAILABLE' | 'UNEXPECTED';

/** An error Tenure answered (or the lack of an answer), with the message Tenure gave: never a token. */
export class TenureError extends Error {
  constructor(
    readonly code: TenureErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'TenureError';
  }
}

const KNOWN: readonly TenureErrorCode[] = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'FAILED_PRECONDITION',
  'CONFLICT',
];

/** The code of a GraphQL error's `extensions.code` (or an HTTP status), as one of ours. */
export function tenureErrorCode(code: unknown, status: number): TenureErrorCode {
  if (typeof code === 'string' && (KNOWN as readonly string[]).includes(code)) return code as TenureErrorCode;
  if (code === 'SERVICE_UNAVAILABLE' || code === 'RATE_LIMITED' || status === 429 || status >= 502) return 'UNAVAILABLE';
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 403) return 'FORBIDDEN';
  return 'UNEXPECTED';
}
