import { eventTypeFilter, streamNameFilter, type Filter } from '@eventstore/db-client';
import type { EventFilter } from '@tenure/event-sourcing';

/**
 * System streams and event types start with "$" (projections, metadata, statistics, and the
 * adapter's own checkpoints and probes): they never reach a reader of the port.
 */
export function isSystemEvent(streamId: string, type: string): boolean {
  return streamId.startsWith('$') || type.startsWith('$');
}

/**
 * The server-side filter of a subscription: narrows what the server sends, never widens what the
 * handler sees (the client filter above still applies). It always lets the subscription's own
 * probe stream through, which is how `waitUntilCaughtUp` learns it has passed a point in the log.
 * A filter is on stream names or on event types, never both: with both in the port filter the
 * server filters on stream prefixes and the client on types.
 */
export function serverFilter(filter: EventFilter | undefined, probeStreamId: string, probeEventType: string): Filter {
  if (filter?.streamPrefixes?.length) {
    return streamNameFilter({ regex: `^(?:${filter.streamPrefixes.map(escapeRegex).join('|')})|^${escapeRegex(probeStreamId)}$` });
  }
  if (filter?.eventTypes?.length) {
    return eventTypeFilter({ regex: `^(?:${[...filter.eventTypes, probeEventType].map(escapeRegex).join('|')})$` });
  }
  return streamNameFilter({ regex: `^(?:[^$]|${escapeRegex(probeStreamId)}$)` });
}

/** Escapes regex metacharacters; the result means the same in .NET (the server) and JavaScript. */
export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
