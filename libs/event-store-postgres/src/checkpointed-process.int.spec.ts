import { randomIds, type RecordedEvent } from '@tenure/event-sourcing';
import { uniqueCategory, uniqueStream } from '@tenure/event-store-contract';
import { CheckpointedProcess } from './checkpointed-process';
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

describe('checkpointed process on PostgreSQL', () => {
  let store: PostgresEventStore;
  let close: () => Promise<void>;

  beforeAll(async () => ({ store, close } = await openMigratedStore(4)));
  afterAll(() => close());

  function process(category: string, checkpoint: string, seen: number[], failures: unknown[]): CheckpointedProcess {
    return new CheckpointedProcess({
      pool: store.pool,
      notifier: store.wakeups,
      checkpoint,
      filter: { streamPrefixes: [`${category}-`] },
      handle: async (events: readonly RecordedEvent[]) => {
        for (const recorded of events) seen.push((recorded.data as { n: number }).n);
      },
      onFailed: (error) => failures.push(error),
    });
  }

  it('given a process that answered some events, when it is started again, then it resumes after its checkpoint', async () => {
    const category = uniqueCategory();
    const checkpoint = `test-${category}`;
    const stream = uniqueStream(category);
    const seen: number[] = [];
    const failures: unknown[] = [];
    await store.appendToStream(stream, [event(1), event(2)]);

    const first = process(category, checkpoint, seen, failures);
    await first.waitUntilCaughtUp(10_000);
    await first.stop();
    await store.appendToStream(stream, [event(3)]);
    const second = process(category, checkpoint, seen, failures);
    await second.waitUntilCaughtUp(10_000);
    await second.stop();

    expect(seen).toEqual([1, 2, 3]);
    expect(failures).toEqual([]);
  });

  it('given a batch the handler fails, when it throws, then the failure is reported and the batch is answered again after a restart', async () => {
    const category = uniqueCategory();
    const checkpoint = `test-${category}`;
    await store.appendToStream(uniqueStream(category), [event(1)]);
    const failures: unknown[] = [];
    const failing = new CheckpointedProcess({
      pool: store.pool,
      notifier: store.wakeups,
      checkpoint,
      filter: { streamPrefixes: [`${category}-`] },
      handle: () => Promise.reject(new Error('target down')),
      onFailed: (error, when) => failures.push({ message: (error as Error).message, when }),
    });
    await expect(failing.waitUntilCaughtUp(10_000)).rejects.toThrow('target down');
    await failing.stop();

    const seen: number[] = [];
    const again = process(category, checkpoint, seen, []);
    await again.waitUntilCaughtUp(10_000);
    await again.stop();

    expect(failures).toEqual([{ message: 'target down', when: 'running' }]);
    expect(seen).toEqual([1]);
  });
});
