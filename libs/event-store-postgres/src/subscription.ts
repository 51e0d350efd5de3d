import {
  exponentialBackoff,
  SubscriptionHandlerError,
  withRetries,
  type Position,
  type RecordedEvent,
  type SubscribeOptions,
  type Subscription,
} from '@tenure/event-sourcing';
import type { Pool } from 'pg';
import { loadCheckpoint, START, storeCheckpoint } from './checkpoints';
import { LogFollower } from './log-follower';
import type { Notifier } from './notifier';
import { handlingEvents } from './tracing/event-handling';

/**
 * A durable subscription: at-least-once delivery in global order. The checkpoint is written after
 * each batch, so after a crash at most one batch is delivered again; handlers must be idempotent
 * (or use a projection, which commits its effects with its checkpoint).
 */
export async function startSubscription(pool: Pool, notifier: Notifier, options: SubscribeOptions): Promise<Subscription> {
  const maxAttempts = options.maxAttempts ?? 5;
  let checkpoint = await loadCheckpoint(pool, options.subscriptionId);

  async function handleWithRetries(event: RecordedEvent): Promise<void> {
    try {
      await withRetries(() => options.handle(event), { maxAttempts, delayMs: exponentialBackoff(20, 1_000) });
    } catch (error) {
      throw new SubscriptionHandlerError(options.subscriptionId, event, maxAttempts, error);
    }
  }

  const follower = new LogFollower({
    pool,
    name: options.subscriptionId,
    notifier,
    startAfter: checkpoint ?? START,
    ...(options.filter ? { filter: options.filter } : {}),
    async processBatch(events) {
      let handled: Position | undefined;
      try {
        for (const event of events) {
          await handlingEvents(options.subscriptionId, [event], () => handleWithRetries(event));
          handled = event.position;
        }
      } finally {
        if (handled) {
          await storeCheckpoint(pool, options.subscriptionId, handled);
          checkpoint = handled;
        }
      }
    },
    ...(options.onStopped ? { onStopped: options.onStopped } : {}),
  });

  return {
    subscriptionId: options.subscriptionId,
    get checkpoint() {
      return checkpoint;
    },
    waitUntilCaughtUp: (timeoutMs) => follower.waitUntilCaughtUp(timeoutMs),
    stop: () => follower.stop(),
  };
}
