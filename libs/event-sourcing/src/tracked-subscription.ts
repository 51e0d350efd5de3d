import type { Subscription } from './event-store';

/**
 * Registers a subscription in its store's set of open subscriptions and hands back a view whose
 * `stop` also removes it, so a store's `close()` stops exactly those still running.
 */
export function trackSubscription(open: Set<Subscription>, subscription: Subscription): Subscription {
  open.add(subscription);
  return {
    subscriptionId: subscription.subscriptionId,
    get checkpoint() {
      return subscription.checkpoint;
    },
    waitUntilCaughtUp: (timeoutMs) => subscription.waitUntilCaughtUp(timeoutMs),
    stop: async () => {
      open.delete(subscription);
      await subscription.stop();
    },
  };
}
