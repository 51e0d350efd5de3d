import { IdempotencyViolationError, WrongExpectedRevisionError, type ExpectedRevision, type NewEvent } from '@tenure/event-sourcing';
import { newEvents, uniqueCategory } from '@tenure/event-store-contract';
import fc from 'fast-check';
import type { PostgresEventStore } from './postgres-event-store';
import { openMigratedStore } from './testing/migrated-store';

type Op =
  | { kind: 'append'; stream: number; expectation: 'any' | 'no_stream' | 'current' | 'stale'; count: number }
  | { kind: 'repeat'; which: number }
  | { kind: 'reuse-elsewhere'; which: number; stream: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('append' as const),
    stream: fc.nat(2),
    expectation: fc.constantFrom('any' as const, 'no_stream' as const, 'current' as const, 'stale' as const),
    count: fc.integer({ min: 1, max: 3 }),
  }),
  fc.record({ kind: fc.constant('repeat' as const), which: fc.nat() }),
  fc.record({ kind: fc.constant('reuse-elsewhere' as const), which: fc.nat(), stream: fc.nat(2) }),
);

/**
 * Model-based: any sequence of appends (with right and wrong expectations, repeated batches, reused
 * ids) leaves the real store exactly as a simple in-memory model predicts, outcome by outcome.
 */
describe('PostgreSQL appends against a model', () => {
  let store: PostgresEventStore;
  let close: () => Promise<void>;

  beforeAll(async () => ({ store, close } = await openMigratedStore(2)));
  afterAll(() => close());

  it('matches the model for every generated sequence', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 25 }), async (ops) => {
        const category = uniqueCategory();
        const streamId = (n: number) => `${category}-${n}`;
        const model = new Map<string, string[]>(); // stream -> event ids
        const batches: { stream: string; events: NewEvent[] }[] = [];

        for (const step of ops) {
          if (step.kind === 'append') {
            const stream = streamId(step.stream);
            const held = model.get(stream) ?? [];
            const expected: ExpectedRevision =
              step.expectation === 'any'
                ? 'any'
                : step.expectation === 'no_stream'
                  ? 'no_stream'
                  : step.expectation === 'current'
                    ? BigInt(held.length - 1)
                    : BigInt(held.length);
            const fits =
              expected === 'any' ||
              (expected === 'no_stream' ? held.length === 0 : held.length > 0 && expected === BigInt(held.length - 1));
            const events = newEvents(step.count);
            const outcome = store.appendToStream(stream, events, { expectedRevision: expected });
            if (expected === -1n) {
              await expect(outcome).rejects.toMatchObject({ code: 'validation' });
            } else if (fits) {
              expect((await outcome).nextExpectedRevision).toBe(BigInt(held.length + events.length - 1));
              model.set(stream, [...held, ...events.map((e) => e.metadata.eventId)]);
              batches.push({ stream, events });
            } else {
              await expect(outcome).rejects.toBeInstanceOf(WrongExpectedRevisionError);
            }
          } else if (batches.length > 0) {
            const batch = batches[step.which % batches.length]!;
            if (step.kind === 'repeat') {
              await store.appendToStream(batch.stream, batch.events); // a no-op
            } else if (streamId(step.stream) !== batch.stream) {
              await expect(store.appendToStream(streamId(step.stream), batch.events)).rejects.toBeInstanceOf(IdempotencyViolationError);
            }
          }
        }
        for (const [stream, ids] of model) {
          expect((await store.readStream(stream)).map((e) => e.metadata.eventId)).toEqual(ids);
        }
      }),
      { numRuns: 40 },
    );
  });
});
