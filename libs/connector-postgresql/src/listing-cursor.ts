import { ConnectorError } from '@tenure/connector-sdk';

export const MAX_PAGE_SIZE = 1000;

/** Cursors are the role names a page ended on (keyset paging), opaque to callers. */
export function encodeCursor(position: readonly string[]): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

export function decodeCursor(cursor: string | null, parts: number): readonly (string | null)[] {
  if (cursor === null) return Array.from({ length: parts }, () => null);
  try {
    const position: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(position) && position.length === parts && position.every((part) => typeof part === 'string')) return position;
  } catch {
    // falls through to the error below
  }
  throw new ConnectorError('invalid', `not a cursor this PostgreSQL connector handed out: ${cursor}`);
}

export function checkedPageSize(pageSize: number): number {
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
    throw new ConnectorError('invalid', `page size must be an integer from 1 to ${MAX_PAGE_SIZE}, got ${pageSize}`);
  }
  return pageSize;
}
