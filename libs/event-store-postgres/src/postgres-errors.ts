/** SQLSTATEs raised by tenure_append (see schema.sql.ts) and the ones we react to from PostgreSQL. */
export const WRONG_EXPECTED_REVISION = 'TE001';
export const IDEMPOTENCY_VIOLATION = 'TE002';
export const UNIQUE_VIOLATION = '23505';

export function sqlState(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

export function sqlDetail(error: unknown): string {
  return typeof error === 'object' && error !== null && 'detail' in error && typeof error.detail === 'string' ? error.detail : '';
}
