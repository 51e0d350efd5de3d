import { PostgresEventStore } from '@tenure/event-store-postgres';
import { now, sleep } from '../../../measure/timing';
import { sampleEvent } from '../sample-events';
import type { StoreBenchContext } from '../store-context';
import { StreamWriter } from '../stream-writer';

export interface SubscriptionResult {
  readonly catchUp: { readonly events: number; readonly elapsedMs: number };
  /** Subscriber receive time minus the time `appendToStream` returned to the writer, per event. */
  readonly lagFromReturnMs: number[];
  /** Subscriber receive time minus the time the writer called `appendToStream`: an upper bound. */
  readonly lagFromCallMs: number[];
  readonly appended: number;
}

interface AppendTimes {
  readonly calledAt: number;
  returnedAt: number | undefined;
  receivedAt: number | undefined;
}

/**
 * A subscriber on a second `PostgresEventStore` (its own pool and LISTEN connection, so it learns
 * of new events through PostgreSQL's NOTIFY as another process would; it only shares this process's
 * clock). It first catches up with everything written so far (measured), then receives events the
 * writer appends at a steady rate; lag is measured per event.
 *
 * The commit happens somewhere between the call and the return of `appendToStream`, so the true
 * commit-to-subscriber lag lies between the two figures reported.
 */
export async function measureSubscription(ctx: StoreBenchContext): Promise<SubscriptionResult> {
  const subscriberStore = new PostgresEventStore({ connectionString: ctx.databaseUrl, poolSize: 4 });
  const tracked = new Map<string, AppendTimes>();
  let handled = 0;
  const subscription = await subscriberStore.subscribeToAll({
    subscriptionId: 'bench-subscriber',
    async handle(event) {
      handled++;
      const times = tracked.get(event.metadata.eventId);
      if (times) times.receivedAt = now();
    },
  });
  try {
    const catchUpStarted = now();
    await subscription.waitUntilCaughtUp(600_000);
    const catchUp = { events: handled, elapsedMs: now() - catchUpStarted };
    ctx.log(
      `  [subscription] caught up with ${handled} events; now appending ${ctx.plan.lagEventsPerSecond} events/s for ${ctx.plan.lagDurationMs / 1000} s`,
    );

    const writer = new StreamWriter(ctx.store, 'store-lag');
    const intervalMs = 1000 / ctx.plan.lagEventsPerSecond;
    const count = Math.round((ctx.plan.lagDurationMs / 1000) * ctx.plan.lagEventsPerSecond);
    const started = now();
    for (let i = 0; i < count; i++) {
      // A steady schedule: a slow append does not push every later one back.
      const dueIn = started + i * intervalMs - now();
      if (dueIn > 0) await sleep(dueIn);
      const event = sampleEvent(i);
      const times: AppendTimes = { calledAt: now(), returnedAt: undefined, receivedAt: undefined };
      tracked.set(event.metadata.eventId, times);
      await writer.append([event]);
      times.returnedAt = now();
    }
    await subscription.waitUntilCaughtUp(60_000);

    const all = [...tracked.values()];
    const missing = all.filter((t) => t.receivedAt === undefined).length;
    if (missing > 0) throw new Error(`the subscriber never received ${missing} of ${all.length} appended events`);
    return {
      catchUp,
      lagFromReturnMs: all.map((t) => t.receivedAt! - t.returnedAt!),
      lagFromCallMs: all.map((t) => t.receivedAt! - t.calledAt),
      appended: all.length,
    };
  } finally {
    await subscription.stop();
    await subscriberStore.close();
  }
}
