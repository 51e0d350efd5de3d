import { randomUUID } from 'node:crypto';
import type { NewEvent } from '@tenure/event-sourcing';

/** Builds events for contract tests: unique ids, recognisable data, full metadata. */
export function newEvents(count: number, type = 'ThingHappened', data: (i: number) => unknown = (i) => ({ n: i })): NewEvent[] {
  return Array.from({ length: count }, (_, i) => ({
    type,
    data: data(i),
    metadata: {
      eventId: randomUUID(),
      correlationId: 'corr-1',
      causationId: 'cmd-1',
      actor: { kind: 'person', id: 'alice' },
      occurredAt: '2026-11-25T10:00:00.000Z',
    },
  }));
}

/** A stream id unique to one test, under a category unique to the run. */
export function uniqueStream(category: string): string {
  return `${category}-${randomUUID()}`;
}

export function uniqueCategory(): string {
  return `c${randomUUID().replace(/-/g, '').slice(0, 12)}`;
}
