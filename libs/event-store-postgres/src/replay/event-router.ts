import type { EventFilter, RecordedEvent } from '@tenure/event-sourcing';

/** Prefixes a route is told apart by: each is one bit of a stream's mask. */
const MAX_PREFIXES = 31;

/**
 * Splits a batch of the log into each projection's share, exactly as `matchesFilter` would, but
 * without asking every projection's filter about every event (29 read models times 1,000,000 events
 * took about 1.7 s of a replay). Each event is tested once against every distinct stream prefix the
 * filters name, giving a mask; which projections take an event depends only on its type and that
 * mask, so the answer is computed once per (type, mask) and then looked up.
 */
export class EventRouter {
  private readonly prefixes: readonly string[];
  /** Per filter: the bits of its prefixes (0: any stream), and its types (undefined: any type). */
  private readonly accepts: readonly { readonly prefixMask: number; readonly types: ReadonlySet<string> | undefined }[];
  private readonly routes = new Map<string, Map<number, readonly number[]>>();

  constructor(filters: readonly (EventFilter | undefined)[]) {
    const prefixes = [...new Set(filters.flatMap((filter) => filter?.streamPrefixes ?? []))];
    if (prefixes.length > MAX_PREFIXES)
      throw new RangeError(`EventRouter tells at most ${MAX_PREFIXES} stream prefixes apart, got ${prefixes.length}`);
    this.prefixes = prefixes;
    this.accepts = filters.map((filter) => ({
      prefixMask: (filter?.streamPrefixes ?? []).reduce((mask, prefix) => mask | (1 << prefixes.indexOf(prefix)), 0),
      types: filter?.eventTypes?.length ? new Set(filter.eventTypes) : undefined,
    }));
  }

  /** Each filter's events in log order; a filter that selects every event of the batch gets the batch itself. */
  split(events: readonly RecordedEvent[]): (readonly RecordedEvent[])[] {
    const shares: RecordedEvent[][] = this.accepts.map(() => []);
    for (const event of events) {
      for (const index of this.route(event.type, this.maskOf(event.streamId))) shares[index]!.push(event);
    }
    return shares.map((share) => (share.length === events.length ? events : share));
  }

  private maskOf(streamId: string): number {
    let mask = 0;
    for (let bit = 0; bit < this.prefixes.length; bit++) if (streamId.startsWith(this.prefixes[bit]!)) mask |= 1 << bit;
    return mask;
  }

  private route(type: string, mask: number): readonly number[] {
    let byMask = this.routes.get(type);
    if (!byMask) this.routes.set(type, (byMask = new Map()));
    let route = byMask.get(mask);
    if (!route) {
      route = this.accepts.flatMap(({ prefixMask, types }, index) =>
        (prefixMask === 0 || (prefixMask & mask) !== 0) && (!types || types.has(type)) ? [index] : [],
      );
      byMask.set(mask, route);
    }
    return route;
  }
}
