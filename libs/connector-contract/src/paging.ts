import type { Page } from '@tenure/connector-sdk';

/** A connector listing (`listAccounts`, `listEntitlements`, `listGrants`), bound to its connector. */
export type ListFunction<T> = (cursor: string | null, pageSize: number) => Promise<Page<T>>;

/**
 * Every page of a listing, one at a time, so a caller (reconciliation) never holds the whole set.
 * Fails when a connector breaks the paging rules (a page larger than asked for, a cursor seen
 * before), because either would make reconciliation miss or repeat items forever.
 */
export async function* iteratePages<T>(list: ListFunction<T>, pageSize: number): AsyncGenerator<readonly T[]> {
  if (!Number.isInteger(pageSize) || pageSize < 1) throw new RangeError(`pageSize must be a positive integer, got ${pageSize}`);
  const seenCursors = new Set<string>();
  let cursor: string | null = null;
  do {
    const page: Page<T> = await list(cursor, pageSize);
    if (page.items.length > pageSize) {
      throw new Error(`listing returned ${page.items.length} items for a page size of ${pageSize}`);
    }
    yield page.items;
    cursor = page.nextCursor;
    if (cursor !== null) {
      if (seenCursors.has(cursor)) throw new Error(`listing returned the cursor ${JSON.stringify(cursor)} twice; it would never end`);
      seenCursors.add(cursor);
    }
  } while (cursor !== null);
}

/** Every item of a listing, one at a time, fetched page by page. */
export async function* iterateAll<T>(list: ListFunction<T>, pageSize: number): AsyncGenerator<T> {
  for await (const items of iteratePages(list, pageSize)) yield* items;
}

/** Every item of a listing in one array: for tests and small sets only (reconciliation iterates instead). */
export async function collectAll<T>(list: ListFunction<T>, pageSize: number): Promise<T[]> {
  const all: T[] = [];
  for await (const items of iteratePages(list, pageSize)) all.push(...items);
  return all;
}
