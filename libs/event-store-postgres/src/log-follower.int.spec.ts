import { comparePositions, randomIds, START, type RecordedEvent } from '@tenure/event-sourcing';
import { uniqueCategory, uniqueStream } from '@tenure/event-store-contract';
import { subscriptionBacklogs } from './followed-subscriptions';
import { LogFollower } from './log-follower';
import type { PostgresEventStore } from './postgres-event-store';
import { openMigratedStore } from './testing/migrated-store';

const event = (n: number) => ({
  type: 'Counted',
  data: { n },
  metadata: {
    eventId: randomIds.newId(),
    correlationId: 'c',
    causationId: null,
    actor: { kind: 'system' as const, id: 'test' },
    occurredAt: '2026-11-26T00:00:00.000Z',
  },
});

describe('log follower on PostgreSQL', () => {
  let store: PostgresEventStore;
  let close: () => Promise<void>;

  beforeAll(async () => ({ store, close } = await openMigratedStore(4)));
  afterAll(() => close());

  it('given a filter that matches nothing, when other streams are written, then it moves past them instead of reading them again', async () => {
    const seen: RecordedEvent[] = [];
    const follower = new LogFollower({
      pool: store.pool,
      notifier: store.wakeups,
      startAfter: START,
      filter: { streamPrefixes: [`${uniqueCategory()}-`] },
      processBatch: async (events) => void seen.push(...events),
    });
    try {
      const elsewhere = await store.appendToStream(uniqueStream(uniqueCategory()), [event(1), event(2)]);
      await follower.waitUntilCaughtUp(5_000);

      expect(seen).toEqual([]);
      expect(comparePositions(follower.lastPosition, elsewhere.position)).toBeGreaterThan(0);
    } finally {
      await follower.stop();
    }
  });

  it('given events that match after a stretch that does not, when they are written, then it still reads each matching event once, in order', async () => {
    const category = uniqueCategory();
    const stream = uniqueStream(category);
    const seen: number[] = [];
    const follower = new LogFollower({
      pool: store.pool,
      notifier: store.wakeups,
      startAfter: START,
      filter: { streamPrefixes: [`${category}-`] },
      processBatch: async (events) => void seen.push(...events.map((recorded) => (recorded.data as { n: number }).n)),
    });
    try {
      await store.appendToStream(uniqueStream(uniqueCategory()), [event(0)]);
      await follower.waitUntilCaughtUp(5_000);
      await store.appendToStream(stream, [event(1)]);
      await store.appendToStream(uniqueStream(uniqueCategory()), [event(0)]);
      await store.appendToStream(stream, [event(2), event(3)]);
      await follower.waitUntilCaughtUp(5_000);

      expect(seen).toEqual([1, 2, 3]);
    } finally {
      await follower.stop();
    }
  });

  it('given a named follower busy with its first batch, when asked for backlogs, then it counts only the events its filter takes after its position, and nothing once stopped', async () => {
    // Given: three events of its category, two elsewhere; the follower holds its first batch.
    const category = uniqueCategory();
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const follower = new LogFollower({
      pool: store.pool,
      name: `backlog-test-${category}`,
      notifier: store.wakeups,
      startAfter: (await store.appendToStream(uniqueStream(uniqueCategory()), [event(0)])).position,
      filter: { streamPrefixes: [`${category}-`] },
      processBatch: () => held,
    });
    const backlogOf = async () => (await subscriptionBacklogs(store.pool)).find(({ name }) => name === `backlog-test-${category}`)?.backlog;
    try {
      await store.appendToStream(uniqueStream(category), [event(1), event(2)]);
      await store.appendToStream(uniqueStream(uniqueCategory()), [event(0), event(0)]);
      await store.appendToStream(uniqueStream(category), [event(3)]);

      // When / then: everything it has not finished is its backlog, capped when asked to.
      expect(await backlogOf()).toBe(3);
      expect((await subscriptionBacklogs(store.pool, 2)).find(({ name }) => name === `backlog-test-${category}`)?.backlog).toBe(2);
      release();
      await follower.waitUntilCaughtUp(5_000);
      expect(await backlogOf()).toBe(0);
    } finally {
      release();
      await follower.stop();
    }
    expect(await backlogOf()).toBeUndefined();
  });
});
