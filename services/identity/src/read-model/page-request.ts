import { DomainError } from '@tenure/event-sourcing';

/** The most rows one page may ask for: larger pages would let one query scan the whole directory. */
export const MAX_PAGE_SIZE = 100;

export interface PageRequest {
  readonly first: number;
  readonly after: string | null;
}

/** Refuses a page size outside 0..MAX_PAGE_SIZE with an error that says what to ask for instead. */
export function checkedPageSize(first: number): number {
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw new DomainError('validation', `first must be between 0 and ${MAX_PAGE_SIZE}, got ${first}: ask for the next page with "after"`, {
      field: 'first',
      max: MAX_PAGE_SIZE,
    });
  }
  return first;
}

/**
 * Cursors are opaque to clients: the sort key of the last row seen, as base64url JSON. A cursor
 * that was not made here (or for another list) is refused, never guessed at.
 */
export function encodeCursor(key: readonly string[]): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, keyLength: number): string[] {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    key = undefined;
  }
  if (!Array.isArray(key) || key.length !== keyLength || !key.every((part) => typeof part === 'string')) throw invalidCursor(cursor);
  return key as string[];
}

export function invalidCursor(cursor: string): DomainError {
  return new DomainError('validation', `cursor "${cursor}" is not one this list gave out: pass an endCursor or edge cursor unchanged`, {
    field: 'after',
  });
}
