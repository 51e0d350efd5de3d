import {
  IdempotencyViolationError,
  WrongExpectedRevisionError,
  type EventStore,
  type RecordedEvent,
  type Subscription,
} from '@tenure/event-sourcing';
import { newEvents, uniqueCategory, uniqueStream } from './new-events';

export interface ContractSubject {
  readonly store: EventStore;
  teardown(): Promise<void>;
}

/**
 * The behaviour every EventStore adapter must show. Each adapter's integration test calls this
 * with a factory for a connected store; tests isolate themselves by unique stream categories.
 */
export function describeEventStoreContract(name: string, setup: () => Promise<ContractSubject>): void {
  describe(`EventStore contract: ${name}`, () => {
    let subject: ContractSubject;
    let store: EventStore;
    const open: Subscription[] = [];

    beforeAll(async () => {
      subject = await setup();
      store = subject.store;
    });
    afterEach(async () => {
      await Promise.all(open.splice(0).map((s) => s.stop()));
    });
    afterAll(async () => {
      await subject?.teardown();
    });

    async function subscribe(
      subscriptionId: string,
      prefix: string,
      seen: RecordedEvent[],
      fail?: (e: RecordedEvent) => boolean,
      onStopped?: (error: unknown) => void,
    ) {
      const subscription = await store.subscribeToAll({
        subscriptionId,
        filter: { streamPrefixes: [`${prefix}-`] },
        maxAttempts: 2,
        handle: async (event) => {
          if (fail?.(event)) throw new Error(`refusing ${event.type}`);
          seen.push(event);
        },
        ...(onStopped ? { onStopped } : {}),
      });
      open.push(subscription);
      return subscription;
    }

    describe('appending', () => {
      it('given no stream, when appending with expected "no stream", then the events get revisions 0..n-1 and read back intact', async () => {
        const stream = uniqueStream(uniqueCategory());
        const events = newEvents(3);
        const result = await store.appendToStream(stream, events, { expectedRevision: 'no_stream' });
        expect(result.nextExpectedRevision).toBe(2n);

        const read = await store.readStream(stream);
        expect(read.map((e) => e.revision)).toEqual([0n, 1n, 2n]);
        expect(read.map((e) => e.data)).toEqual([{ n: 0 }, { n: 1 }, { n: 2 }]);
        expect(read[0]).toMatchObject({ streamId: stream, type: 'ThingHappened', metadata: events[0]!.metadata });
        expect(read[2]!.position).toEqual(result.position);
        expect(read[0]!.recordedAt).toBeInstanceOf(Date);
      });

      it('given a stream, when appending with expected "no stream", then it fails with a wrong-expected-revision error naming the actual revision', async () => {
        const stream = uniqueStream(uniqueCategory());
        await store.appendToStream(stream, newEvents(2));
        const attempt = store.appendToStream(stream, newEvents(1), { expectedRevision: 'no_stream' });
        await expect(attempt).rejects.toBeInstanceOf(WrongExpectedRevisionError);
        await expect(attempt).rejects.toMatchObject({ code: 'conflict', actual: 1n });
        expect(await store.readStream(stream)).toHaveLength(2);
      });

      it('given a stream at revision 1, when appending with expected revision 1, then it succeeds; with 0 it fails and writes nothing', async () => {
        const stream = uniqueStream(uniqueCategory());
        await store.appendToStream(stream, newEvents(2), { expectedRevision: 'no_stream' });
        await expect(store.appendToStream(stream, newEvents(1), { expectedRevision: 0n })).rejects.toBeInstanceOf(
          WrongExpectedRevisionError,
        );
        const ok = await store.appendToStream(stream, newEvents(1), { expectedRevision: 1n });
        expect(ok.nextExpectedRevision).toBe(2n);
        expect(await store.readStream(stream)).toHaveLength(3);
      });

      it('given no stream, when appending with an exact expected revision, then it fails as "no stream"', async () => {
        const stream = uniqueStream(uniqueCategory());
        await expect(store.appendToStream(stream, newEvents(1), { expectedRevision: 0n })).rejects.toMatchObject({ actual: 'no_stream' });
        expect(await store.readStream(stream)).toEqual([]);
      });

      it('given any state, when appending with expected "any", then it always appends', async () => {
        const stream = uniqueStream(uniqueCategory());
        await store.appendToStream(stream, newEvents(1), { expectedRevision: 'any' });
        const second = await store.appendToStream(stream, newEvents(2), { expectedRevision: 'any' });
        expect(second.nextExpectedRevision).toBe(2n);
      });

      it('given a batch was appended, when the same batch (same event ids) is appended again, then nothing is duplicated and the original result is returned', async () => {
        const stream = uniqueStream(uniqueCategory());
        const batch = newEvents(2);
        const first = await store.appendToStream(stream, batch, { expectedRevision: 'no_stream' });
        const again = await store.appendToStream(stream, batch, { expectedRevision: 'no_stream' });
        const againAny = await store.appendToStream(stream, batch);
        expect(again).toEqual(first);
        expect(againAny).toEqual(first);
        expect(await store.readStream(stream)).toHaveLength(2);
      });

      it('given an event id was used, when it is appended in another stream, then it fails with an idempotency violation', async () => {
        const category = uniqueCategory();
        const [event] = newEvents(1);
        await store.appendToStream(uniqueStream(category), [event!]);
        const other = uniqueStream(category);
        await expect(store.appendToStream(other, [event!])).rejects.toBeInstanceOf(IdempotencyViolationError);
        expect(await store.readStream(other)).toEqual([]);
      });

      it('given concurrent appends to one stream with the same expected revision, then exactly one succeeds', async () => {
        const stream = uniqueStream(uniqueCategory());
        await store.appendToStream(stream, newEvents(1), { expectedRevision: 'no_stream' });
        const outcomes = await Promise.allSettled(
          Array.from({ length: 8 }, () => store.appendToStream(stream, newEvents(1), { expectedRevision: 0n })),
        );
        expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
        for (const o of outcomes) if (o.status === 'rejected') expect(o.reason).toBeInstanceOf(WrongExpectedRevisionError);
        expect(await store.readStream(stream)).toHaveLength(2);
      });
    });

    describe('reading', () => {
      it('reads a missing stream as empty, and a stream from a revision with a maximum count', async () => {
        const stream = uniqueStream(uniqueCategory());
        expect(await store.readStream(stream)).toEqual([]);
        await store.appendToStream(stream, newEvents(5));
        const part = await store.readStream(stream, { fromRevision: 1n, maxCount: 3 });
        expect(part.map((e) => e.revision)).toEqual([1n, 2n, 3n]);
      });

      it('reads the global log in append order, strictly after a position, filtered by stream prefix and event type', async () => {
        const category = uniqueCategory();
        const a = uniqueStream(category);
        const b = uniqueStream(category);
        await store.appendToStream(a, newEvents(2, 'Alpha'));
        await store.appendToStream(b, newEvents(1, 'Beta'));
        await store.appendToStream(a, newEvents(1, 'Beta'));

        const all = await store.readAll({ filter: { streamPrefixes: [`${category}-`] } });
        expect(all.map((e) => [e.streamId, e.revision])).toEqual([
          [a, 0n],
          [a, 1n],
          [b, 0n],
          [a, 2n],
        ]);
        const after = await store.readAll({ after: all[1]!.position, filter: { streamPrefixes: [`${category}-`] } });
        expect(after.map((e) => e.position)).toEqual([all[2]!.position, all[3]!.position]);
        const betas = await store.readAll({ filter: { streamPrefixes: [`${category}-`], eventTypes: ['Beta'] } });
        expect(betas.map((e) => e.streamId)).toEqual([b, a]);
        const two = await store.readAll({ filter: { streamPrefixes: [`${category}-`] }, maxCount: 2 });
        expect(two).toHaveLength(2);
      });
    });

    describe('subscriptions', () => {
      it('catches up with existing events, then receives live ones, in global order', async () => {
        const category = uniqueCategory();
        const stream = uniqueStream(category);
        await store.appendToStream(stream, newEvents(3));
        const seen: RecordedEvent[] = [];
        const subscription = await subscribe(`sub-${category}`, category, seen);
        await subscription.waitUntilCaughtUp(10_000);
        expect(seen.map((e) => e.revision)).toEqual([0n, 1n, 2n]);

        await store.appendToStream(uniqueStream(category), newEvents(2));
        await store.appendToStream(stream, newEvents(1));
        await subscription.waitUntilCaughtUp(10_000);
        const log = await store.readAll({ filter: { streamPrefixes: [`${category}-`] } });
        expect(seen.map((e) => e.metadata.eventId)).toEqual(log.map((e) => e.metadata.eventId));
      });

      it('continues from its checkpoint after a stop, without redelivering what was handled', async () => {
        const category = uniqueCategory();
        const id = `sub-${category}`;
        await store.appendToStream(uniqueStream(category), newEvents(2));
        const first: RecordedEvent[] = [];
        const one = await subscribe(id, category, first);
        await one.waitUntilCaughtUp(10_000);
        await one.stop();
        expect(first).toHaveLength(2);

        await store.appendToStream(uniqueStream(category), newEvents(3));
        const second: RecordedEvent[] = [];
        const two = await subscribe(id, category, second);
        await two.waitUntilCaughtUp(10_000);
        expect(second).toHaveLength(3);
        expect(second.map((e) => e.metadata.eventId)).not.toContain(first[0]!.metadata.eventId);
      });

      it('stops when a handler keeps failing, reports why, and resumes at the failed event', async () => {
        const category = uniqueCategory();
        const id = `sub-${category}`;
        await store.appendToStream(uniqueStream(category), [...newEvents(1, 'Good'), ...newEvents(1, 'Poison'), ...newEvents(1, 'Good')]);
        const seen: RecordedEvent[] = [];
        const stopped = new Promise<unknown>((resolve) => void subscribe(id, category, seen, (e) => e.type === 'Poison', resolve));
        const error = await stopped;
        expect(String(error)).toContain('Poison');
        expect(seen.map((e) => e.type)).toEqual(['Good']);

        const retry: RecordedEvent[] = [];
        const healed = await subscribe(id, category, retry);
        await healed.waitUntilCaughtUp(10_000);
        expect(retry.map((e) => e.type)).toEqual(['Poison', 'Good']);
      });

      it('delivers an event whose handler fails once (transient error) exactly once after a retry', async () => {
        const category = uniqueCategory();
        await store.appendToStream(uniqueStream(category), newEvents(1));
        let failures = 0;
        const seen: RecordedEvent[] = [];
        const subscription = await subscribe(`sub-${category}`, category, seen, () => failures++ === 0);
        await subscription.waitUntilCaughtUp(10_000);
        expect(failures).toBe(2);
        expect(seen).toHaveLength(1);
      });
    });
  });
}
