import {
  commandHandler,
  currentCorrelationId,
  randomIds,
  withCorrelationId,
  type Decider,
  type DomainEvent,
  type NewEvent,
  type RecordedEvent,
} from '@tenure/event-sourcing';
import { uniqueCategory, uniqueStream } from '@tenure/event-store-contract';
import { activeTraceContext, inSpan } from '@tenure/tracing';
import { recordSpans, type RecordedSpans } from '@tenure/tracing/testing';
import { CheckpointedProcess } from '../checkpointed-process';
import type { PostgresEventStore } from '../postgres-event-store';
import { startProjection } from '../projections/projection-runner';
import { verifyEventLog } from '../tamper-evidence/verify-event-log';
import { openMigratedStore, type MigratedStore } from '../testing/migrated-store';
import { scheduleTimer } from '../timers/timer-schedule';
import { startTimerWorker } from '../timers/timer-worker';

const fact = (correlationId: string): NewEvent => ({
  type: 'Requested',
  data: {},
  metadata: {
    eventId: randomIds.newId(),
    correlationId,
    causationId: null,
    actor: { kind: 'person', id: 'E1' },
    occurredAt: '2026-11-27T09:00:00.000Z',
  },
});

/** A request as the gateway and a service answer it: a correlation id and a span in progress. */
const inRequest = <T>(correlationId: string, work: () => Promise<T>) =>
  withCorrelationId(correlationId, () => inSpan('POST /graphql', {}, work));

type Reacted = DomainEvent<'Reacted', { to: string }>;
const reactions: Decider<{ to: string }, Reacted, null> = {
  decide: (command) => [{ type: 'Reacted', data: command }],
  evolve: () => null,
  initialState: () => null,
};

describe('background work continues the request that caused it', () => {
  let opened: MigratedStore;
  let store: PostgresEventStore;
  let spans: RecordedSpans;

  beforeEach(async () => {
    spans = recordSpans();
    opened = await openMigratedStore(4);
    store = opened.store;
  });
  afterEach(async () => {
    await opened.close();
    await spans.stop();
  });

  const events = async (prefix: string): Promise<RecordedEvent[]> =>
    (await store.readAll({ filter: { streamPrefixes: [prefix] } })).filter((event) => event.streamId.startsWith(prefix));

  it('given a traced request, when it appends events, then they keep its trace context and the hash chains still verify; events outside a trace keep none', async () => {
    const category = uniqueCategory();
    const traceparent = await inRequest('req-1', async () => {
      await store.appendToStream(uniqueStream(category), [fact('req-1'), fact('req-1')]);
      return activeTraceContext()!['traceparent'];
    });
    await store.appendToStream(uniqueStream(category), [fact('no-request')]);

    const stored = await events(`${category}-`);
    expect(stored.map((event) => event.metadata.trace)).toEqual([{ traceparent }, { traceparent }, undefined]);
    expect(await verifyEventLog(opened.database.pool)).toMatchObject({ intact: true, findings: [] });
  });

  it("given an event a request appended, when a process answers it with a command, then the answer is correlated with the request, caused by the command, and traced as the request's child", async () => {
    const category = uniqueCategory();
    const handle = commandHandler(store, reactions, { ids: randomIds });
    const seenCorrelation: (string | undefined)[] = [];
    const process = new CheckpointedProcess({
      pool: store.pool,
      notifier: store.wakeups,
      checkpoint: `test-${category}`,
      filter: { streamPrefixes: [`${category}-requests-`] },
      handle: async (batch) => {
        for (const event of batch) {
          seenCorrelation.push(currentCorrelationId());
          // No correlation id given: the command takes the one of the event being handled.
          await handle(
            `${category}-reactions-1`,
            { to: event.metadata.eventId },
            { commandId: 'command-7', actor: { kind: 'service', id: 'test' }, now: new Date() },
          );
        }
      },
      onFailed: () => undefined,
    });
    await inRequest('req-2', () => store.appendToStream(uniqueStream(`${category}-requests`), [fact('req-2')]));
    await process.waitUntilCaughtUp(10_000);
    await process.stop();

    const [reaction] = await events(`${category}-reactions-`);
    expect(seenCorrelation).toEqual(['req-2']);
    expect(reaction!.metadata).toMatchObject({ correlationId: 'req-2', causationId: 'command-7' });
    const request = spans.ended().find((span) => span.name === 'POST /graphql')!;
    const handling = spans.ended().find((span) => span.name === 'tenure.handle Requested')!;
    expect(handling.spanContext().traceId).toBe(request.spanContext().traceId);
    expect(handling.parentSpanContext?.spanId).toBe(request.spanContext().spanId);
    expect(handling.attributes).toMatchObject({
      'tenure.subscription': `test-${category}`,
      'tenure.correlation_id': 'req-2',
      'tenure.event.count': 1,
    });
    expect(reaction!.metadata.trace?.['traceparent']).toContain(request.spanContext().traceId);
  });

  it('given events of two requests read in one batch, when a projection applies them, then its span links both traces and names no correlation id', async () => {
    const category = uniqueCategory();
    await inRequest('req-a', () => store.appendToStream(uniqueStream(category), [fact('req-a')]));
    await inRequest('req-b', () => store.appendToStream(uniqueStream(category), [fact('req-b')]));
    const seenCorrelation: (string | undefined)[] = [];
    const projection = await startProjection({
      pool: store.pool,
      notifier: store.wakeups,
      projection: {
        name: `test-${category}`,
        filter: { streamPrefixes: [`${category}-`] },
        setup: async () => undefined,
        reset: async () => undefined,
        apply: async () => void seenCorrelation.push(currentCorrelationId()),
      },
    });
    await projection.waitUntilCaughtUp(10_000);
    await projection.stop();

    const requests = spans.ended().filter((span) => span.name === 'POST /graphql');
    const batch = spans.ended().find((span) => span.name === 'tenure.handle Requested')!;
    expect(seenCorrelation).toEqual([undefined, undefined]);
    expect(batch.parentSpanContext).toBeUndefined();
    expect(batch.links.map((link) => link.context.traceId).sort()).toEqual(requests.map((span) => span.spanContext().traceId).sort());
    expect(batch.attributes['tenure.correlation_id']).toBeUndefined();
  });

  it('given a due timer, when it fires, then its work is correlated with the timer and traced on its own', async () => {
    const kind = `test-${uniqueCategory()}`;
    await scheduleTimer(opened.database.pool, { timerId: `${kind}:1`, kind, dueAt: new Date('2026-11-27T08:00:00Z'), payload: {} });
    const seen: { correlationId: string | undefined; traced: boolean }[] = [];
    // Started inside a request: the timer's work must not become part of it.
    const worker = await inRequest('req-3', async () =>
      startTimerWorker({
        pool: store.pool,
        kind,
        clock: { now: () => new Date('2026-11-27T09:00:00Z') },
        pollMs: 60_000,
        fire: async () => void seen.push({ correlationId: currentCorrelationId(), traced: activeTraceContext() !== undefined }),
      }),
    );
    await worker.fireDue();
    await worker.stop();

    const request = spans.ended().find((span) => span.name === 'POST /graphql')!;
    const fired = spans.ended().find((span) => span.name === `tenure.timer ${kind}`)!;
    expect(seen).toEqual([{ correlationId: `${kind}:1`, traced: true }]);
    expect(fired.spanContext().traceId).not.toBe(request.spanContext().traceId);
    expect(fired.attributes).toMatchObject({ 'tenure.timer.kind': kind, 'tenure.timer.id': `${kind}:1` });
  });

  it('given a listener registered at start, when a request appends, then the wake-up runs outside that request', async () => {
    const woken: (string | undefined)[] = [];
    const unsubscribe = store.wakeups.onWake(() => woken.push(currentCorrelationId()));
    await withCorrelationId('req-4', () => store.appendToStream(uniqueStream(uniqueCategory()), [fact('req-4')]));
    unsubscribe();

    expect(woken.length).toBeGreaterThan(0);
    expect(woken.every((correlationId) => correlationId === undefined)).toBe(true);
  });
});
