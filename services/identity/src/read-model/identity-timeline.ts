import type { EventStore } from '@tenure/event-sourcing';
import { identityStreamId } from '../application/identity-streams';
import { timelineEntryOf, type TimelineEntry } from './identity-timeline-entry';
import { checkedPageSize, decodeCursor, encodeCursor, invalidCursor, type PageRequest } from './page-request';

export interface TimelinePage {
  readonly edges: readonly { readonly cursor: string; readonly entry: TimelineEntry }[];
  readonly hasNextPage: boolean;
}

/**
 * An identity's history, oldest first, straight from its event stream (the store is the record;
 * the directory only knows the present). The cursor is the revision of the last entry seen.
 */
export async function readIdentityTimeline(store: EventStore, employeeNumber: string, page: PageRequest): Promise<TimelinePage> {
  const first = checkedPageSize(page.first);
  const fromRevision = page.after === null ? 0n : revisionAfter(page.after);
  const events = await store.readStream(identityStreamId(employeeNumber), { fromRevision, maxCount: first + 1 });
  const entries = events.slice(0, first).map(timelineEntryOf);
  return {
    edges: entries.map((entry) => ({ cursor: encodeCursor([entry.revision.toString()]), entry })),
    hasNextPage: events.length > first,
  };
}

function revisionAfter(cursor: string): bigint {
  const [revision = ''] = decodeCursor(cursor, 1);
  if (!/^\d+$/.test(revision)) throw invalidCursor(cursor);
  return BigInt(revision) + 1n;
}
