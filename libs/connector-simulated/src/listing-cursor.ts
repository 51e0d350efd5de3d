import { ConnectorError } from '@tenure/connector-sdk';

/** Cursors are the last key a page ended on, opaque to callers (base64url of JSON). */
export function encodeCursor(position: readonly string[]): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

export function decodeCursor(cursor: string, parts: number): readonly string[] {
  try {
    const position: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(position) && position.length === parts && position.every((part) => typeof part === 'string')) return position;
  } catch {
    // falls through to the error below
  }
  throw new ConnectorError('invalid', `not a cursor this simulated application handed out: ${cursor}`);
}

/** Index of the first element of `sorted` greater than `after` (code-unit order). */
export function firstAfter(sorted: readonly string[], after: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! <= after) low = middle + 1;
    else high = middle;
  }
  return low;
}

export function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
