import type { Page } from '@tenure/connector-sdk';
import { collectAll, iterateAll, iteratePages, type ListFunction } from './paging';

/** A listing over `items` whose cursor is the next offset. */
function listingOf<T>(items: readonly T[], calls: { cursor: string | null; pageSize: number }[] = []): ListFunction<T> {
  return async (cursor, pageSize): Promise<Page<T>> => {
    calls.push({ cursor, pageSize });
    const start = cursor === null ? 0 : Number(cursor);
    const end = start + pageSize;
    return { items: items.slice(start, end), nextCursor: end < items.length ? String(end) : null };
  };
}

describe('paging helpers', () => {
  it('given seven items, when collecting them two at a time, then every item comes back once, in order, over four pages', async () => {
    const calls: { cursor: string | null; pageSize: number }[] = [];

    const all = await collectAll(listingOf([1, 2, 3, 4, 5, 6, 7], calls), 2);

    expect(all).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(calls).toEqual([
      { cursor: null, pageSize: 2 },
      { cursor: '2', pageSize: 2 },
      { cursor: '4', pageSize: 2 },
      { cursor: '6', pageSize: 2 },
    ]);
  });

  it('given an empty target, when collecting, then the result is empty after one call', async () => {
    const calls: { cursor: string | null; pageSize: number }[] = [];

    expect(await collectAll(listingOf([], calls), 5)).toEqual([]);
    expect(calls).toHaveLength(1);
  });

  it('given a listing, when iterating pages, then each page is handed over before the next is fetched', async () => {
    const calls: { cursor: string | null; pageSize: number }[] = [];
    const pages = iteratePages(listingOf(['a', 'b', 'c'], calls), 2);

    expect((await pages.next()).value).toEqual(['a', 'b']);
    expect(calls).toHaveLength(1);
    expect((await pages.next()).value).toEqual(['c']);
    expect((await pages.next()).done).toBe(true);
  });

  it('given a listing, when iterating items, then they arrive one by one', async () => {
    const seen: string[] = [];
    for await (const item of iterateAll(listingOf(['a', 'b', 'c'], []), 2)) seen.push(item);

    expect(seen).toEqual(['a', 'b', 'c']);
  });

  it('given a connector that repeats a cursor, when collecting, then it fails instead of looping forever', async () => {
    const looping: ListFunction<number> = async () => ({ items: [1], nextCursor: 'again' });

    await expect(collectAll(looping, 1)).rejects.toThrow(/cursor "again" twice/);
  });

  it('given a connector that ignores the page size, when collecting, then it fails', async () => {
    const oversized: ListFunction<number> = async () => ({ items: [1, 2, 3], nextCursor: null });

    await expect(collectAll(oversized, 2)).rejects.toThrow(/3 items for a page size of 2/);
  });

  it('given a page size that is not a positive integer, when collecting, then it fails before calling the connector', async () => {
    const calls: { cursor: string | null; pageSize: number }[] = [];

    await expect(collectAll(listingOf([1], calls), 0)).rejects.toThrow(RangeError);
    expect(calls).toEqual([]);
  });
});
