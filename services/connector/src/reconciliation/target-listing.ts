import { asConnectorError, ConnectorError, type Page } from '@tenure/connector-sdk';
import type { TargetListing } from '../domain/reconciliation';

export interface ListingOptions {
  readonly pageSize: number;
  /** A target whose cursor never ends is a broken target, not an endless listing. */
  readonly maxPages: number;
  /** Attempts per page for errors a retry may fix (unavailable, timeout, rate-limited). */
  readonly attemptsPerPage: number;
  readonly sleep: (ms: number) => Promise<void>;
}

export interface ListingHandlers<T> {
  /** Stores one page (the next one is being fetched meanwhile). */
  readonly store: (items: readonly T[]) => Promise<void>;
  /**
   * The target said a cursor is invalid (it expired): forget what was stored of this listing and
   * say so. Throws when the listing may not start over (it did once already).
   */
  readonly restart: (reason: string) => Promise<void>;
}

const FIRST_RETRY_MS = 200;
const LONGEST_WAIT_MS = 30_000;

/**
 * Reads a whole listing page by page: at most two pages in memory (one being stored while the next
 * is fetched). Retryable errors are retried per page (a rate limit's wait honoured); an `invalid`
 * answer to a later page means the cursor expired: the listing starts over, once. Resolves how many
 * items were read in the listing that finished.
 */
export async function readListing<T>(
  listing: TargetListing,
  list: (cursor: string | null, pageSize: number) => Promise<Page<T>>,
  handlers: ListingHandlers<T>,
  options: ListingOptions,
): Promise<number> {
  for (;;) {
    try {
      return await readOnce(listing, list, handlers.store, options);
    } catch (error) {
      if (!(error instanceof ExpiredCursor)) throw error;
      await handlers.restart(error.message);
    }
  }
}

class ExpiredCursor extends Error {}

async function readOnce<T>(
  listing: TargetListing,
  list: (cursor: string | null, pageSize: number) => Promise<Page<T>>,
  store: (items: readonly T[]) => Promise<void>,
  options: ListingOptions,
): Promise<number> {
  const fetch = (cursor: string | null) => pageWithRetries(listing, () => list(cursor, options.pageSize), cursor, options);
  let read = 0;
  let next: Promise<Page<T>> | null = fetch(null);
  for (let pages = 0; next !== null; pages++) {
    if (pages === options.maxPages) {
      throw new ConnectorError('internal', `the target listed more than ${options.maxPages} pages of ${listing} without an end`);
    }
    const page: Page<T> = await next;
    next = page.nextCursor === null ? null : fetch(page.nextCursor);
    // A failing store must not leave the next fetch's rejection unhandled.
    next?.catch(() => undefined);
    await store(page.items);
    read += page.items.length;
  }
  return read;
}

async function pageWithRetries<T>(
  listing: TargetListing,
  fetch: () => Promise<Page<T>>,
  cursor: string | null,
  options: ListingOptions,
): Promise<Page<T>> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fetch();
    } catch (thrown) {
      const error = asConnectorError(thrown);
      if (error.kind === 'invalid' && cursor !== null) {
        throw new ExpiredCursor(`the target refused the cursor of the listing of ${listing} (it may have expired): ${error.message}`);
      }
      if (!error.retryable || attempt >= options.attemptsPerPage) throw error;
      const backoff = FIRST_RETRY_MS * 2 ** (attempt - 1);
      await options.sleep(Math.min(LONGEST_WAIT_MS, Math.max(backoff, error.retryAfterMs ?? 0)));
    }
  }
}
