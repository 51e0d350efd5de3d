import { randomUUID } from 'node:crypto';
import { ConnectorError, type Page } from '@tenure/connector-sdk';
import type { Client } from 'ldapts';
import { toConnectorError } from './ldap-errors';

/** Opens the item stream of a listing on its own connection. */
export type ListingSource<T> = (client: Client, serverPageSize: number) => AsyncIterator<T>;

interface Listing {
  readonly id: string;
  readonly kind: string;
  readonly client: Client;
  readonly items: AsyncIterator<unknown>;
  /** The item read ahead to know whether another page follows. */
  lookahead: IteratorResult<unknown> | null;
  /** The cursor number that returns a new page. */
  nextSequence: number;
  /** The page returned for the previous cursor, given again if that cursor is asked again (a retry). */
  lastPage: { readonly sequence: number; readonly page: Page<unknown> } | null;
  /** Calls on one listing run one after the other. */
  queue: Promise<unknown>;
  idleTimer: NodeJS.Timeout | null;
}

/**
 * Listings paged with the LDAP Simple Paged Results control (RFC 2696), resumable across calls.
 *
 * A paged search's cookie is only valid on the connection that started it, and OpenLDAP keeps one
 * paged search per connection, so each listing holds its own connection and the ldapts page
 * iterator; the cursor names the listing and the page (`<kind>:<listing>:<n>`). A stateless cursor
 * such as "uid greater than the last one" is not possible here: `uid` has no ordering rule in
 * OpenLDAP's schema, so `(uid>=x)` matches nothing, and without the sssvlv overlay nothing sorts.
 *
 * Memory stays at one server page plus the caller's page. A listing is closed after its last page,
 * after `idleTimeoutMs` without a call, when more than `maxOpen` are open (the least recently used
 * goes) and by `close()`; its cursors are then refused with an `invalid` error that says to start
 * the listing again.
 */
export class Listings {
  private readonly open = new Map<string, Listing>();

  constructor(
    private readonly openConnection: () => Promise<Client>,
    private readonly options: { readonly idleTimeoutMs: number; readonly maxOpen: number },
  ) {}

  async page<T>(kind: string, cursor: string | null, pageSize: number, source: ListingSource<T>): Promise<Page<T>> {
    if (!Number.isInteger(pageSize) || pageSize < 1) {
      throw new ConnectorError('invalid', `page size must be a positive whole number, not ${pageSize}`);
    }
    const { listing, sequence } =
      cursor === null ? { listing: await this.start(kind, pageSize, source), sequence: 0 } : this.resume(kind, cursor);
    const result = listing.queue.then(() => this.nextPage(listing, sequence, pageSize));
    listing.queue = result.catch(() => undefined);
    return (await result) as Page<T>;
  }

  async closeAll(): Promise<void> {
    await Promise.all([...this.open.values()].map((listing) => this.close(listing)));
  }

  private async start<T>(kind: string, pageSize: number, source: ListingSource<T>): Promise<Listing> {
    if (this.open.size >= this.options.maxOpen) {
      const leastRecentlyUsed = this.open.values().next().value;
      if (leastRecentlyUsed) await this.close(leastRecentlyUsed);
    }
    const client = await this.openConnection();
    const listing: Listing = {
      id: randomUUID(),
      kind,
      client,
      items: source(client, Math.min(pageSize, 1000)),
      lookahead: null,
      nextSequence: 0,
      lastPage: null,
      queue: Promise.resolve(),
      idleTimer: null,
    };
    this.open.set(listing.id, listing);
    return listing;
  }

  private resume(kind: string, cursor: string): { listing: Listing; sequence: number } {
    const [cursorKind, id, sequenceText] = cursor.split(':');
    const listing = id === undefined ? undefined : this.open.get(id);
    const sequence = Number(sequenceText);
    if (!listing || cursorKind !== kind || listing.kind !== kind || !Number.isInteger(sequence)) {
      throw new ConnectorError(
        'invalid',
        `the ${kind} listing cursor ${JSON.stringify(cursor)} is not open (a listing closes after its last page, ` +
          `after ${this.options.idleTimeoutMs} ms without a call, or when the connector closes): start the listing again with no cursor`,
      );
    }
    // Most recently used last, so that the oldest is the first in the map.
    this.open.delete(listing.id);
    this.open.set(listing.id, listing);
    return { listing, sequence };
  }

  private async nextPage(listing: Listing, sequence: number, pageSize: number): Promise<Page<unknown>> {
    if (listing.lastPage && listing.lastPage.sequence === sequence) return listing.lastPage.page;
    if (sequence !== listing.nextSequence) {
      throw new ConnectorError('invalid', `the ${listing.kind} listing cursor is out of date: continue from the latest page's cursor`);
    }
    this.stopIdleTimer(listing);
    try {
      const items: unknown[] = [];
      let next = await this.read(listing);
      while (!next.done && items.length < pageSize) {
        items.push(next.value);
        next = await this.read(listing);
      }
      listing.lookahead = next;
      if (next.done) {
        await this.close(listing);
        return { items, nextCursor: null };
      }
      const page = { items, nextCursor: `${listing.kind}:${listing.id}:${sequence + 1}` };
      listing.lastPage = { sequence, page };
      listing.nextSequence = sequence + 1;
      this.startIdleTimer(listing);
      return page;
    } catch (error) {
      await this.close(listing);
      throw toConnectorError(error, `listing ${listing.kind}`);
    }
  }

  private async read(listing: Listing): Promise<IteratorResult<unknown>> {
    const ahead = listing.lookahead;
    if (ahead) {
      listing.lookahead = null;
      return ahead;
    }
    return listing.items.next();
  }

  private startIdleTimer(listing: Listing): void {
    listing.idleTimer = setTimeout(() => void this.close(listing), this.options.idleTimeoutMs);
    listing.idleTimer.unref();
  }

  private stopIdleTimer(listing: Listing): void {
    if (listing.idleTimer) clearTimeout(listing.idleTimer);
    listing.idleTimer = null;
  }

  private async close(listing: Listing): Promise<void> {
    if (!this.open.delete(listing.id)) return;
    this.stopIdleTimer(listing);
    await listing.items.return?.().catch(() => undefined);
    await listing.client.unbind().catch(() => undefined);
  }
}
