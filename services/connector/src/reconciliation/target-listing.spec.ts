import { ConnectorError, type Page } from '@tenure/connector-sdk';
import { readListing, type ListingOptions } from './target-listing';

const options: ListingOptions = { pageSize: 2, maxPages: 100, attemptsPerPage: 3, sleep: async () => undefined };

/** A listing of `items` in pages of two, cursors being the index of the next page. */
function pagedListing(items: readonly string[], fail: (cursor: string | null, call: number) => Error | null = () => null) {
  let calls = 0;
  return {
    calls: () => calls,
    list: async (cursor: string | null, pageSize: number): Promise<Page<string>> => {
      calls += 1;
      const error = fail(cursor, calls);
      if (error) throw error;
      const start = cursor === null ? 0 : Number(cursor);
      const end = start + pageSize;
      return { items: items.slice(start, end), nextCursor: end < items.length ? String(end) : null };
    },
  };
}

describe('reading a target listing page by page', () => {
  it('given five items in pages of two, when read, then every page is stored in order', async () => {
    const stored: string[][] = [];
    const target = pagedListing(['a', 'b', 'c', 'd', 'e']);
    const read = await readListing(
      'accounts',
      target.list,
      { store: async (items) => void stored.push([...items]), restart: fail },
      options,
    );
    expect(read).toBe(5);
    expect(stored).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
  });

  it('given a cursor that expires once, when read, then the listing starts over once and finishes', async () => {
    let stored: string[] = [];
    const restarts: string[] = [];
    const target = pagedListing(['a', 'b', 'c', 'd', 'e'], (cursor, call) =>
      cursor === '4' && call === 3 ? new ConnectorError('invalid', 'cursor expired') : null,
    );
    const read = await readListing(
      'accounts',
      target.list,
      {
        store: async (items) => void (stored = [...stored, ...items]),
        restart: async (reason) => {
          restarts.push(reason);
          stored = [];
        },
      },
      options,
    );
    expect(read).toBe(5);
    expect(stored).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(restarts).toEqual([expect.stringContaining('cursor expired')]);
  });

  it('given a first page refused as invalid, then it is an error, not an expired cursor', async () => {
    const target = pagedListing(['a'], () => new ConnectorError('invalid', 'page size too large'));
    await expect(readListing('grants', target.list, { store: async () => undefined, restart: fail }, options)).rejects.toMatchObject({
      kind: 'invalid',
    });
  });

  it('given a target that answers 503 then 429 then works, when read, then the page is retried, waiting as long as the target asked', async () => {
    const waits: number[] = [];
    const target = pagedListing(['a'], (_cursor, call) =>
      call === 1
        ? new ConnectorError('unavailable', '503')
        : call === 2
          ? new ConnectorError('rate-limited', '429', { retryAfterMs: 1500 })
          : null,
    );
    const sleep = async (ms: number) => void waits.push(ms);
    await expect(readListing('grants', target.list, { store: async () => undefined, restart: fail }, { ...options, sleep })).resolves.toBe(
      1,
    );
    expect(waits).toEqual([200, 1500]);
  });

  it('given a target that keeps failing, when read, then the error comes out after the attempts', async () => {
    const target = pagedListing(['a'], () => new ConnectorError('unavailable', '503'));
    await expect(readListing('grants', target.list, { store: async () => undefined, restart: fail }, options)).rejects.toMatchObject({
      kind: 'unavailable',
    });
    expect(target.calls()).toBe(3);
  });
});

async function fail(reason: string): Promise<void> {
  throw new Error(`no restart expected: ${reason}`);
}
