import type { Pool } from 'pg';

/** A subscription (projection, process, subscriber) this process is following the log for. */
export interface FollowedSubscription {
  readonly name: string;
  /** Events after its position that it will handle (matching its filter), counted up to `cap`. */
  backlog(cap: number): Promise<number>;
}

const followed = new WeakMap<Pool, Set<FollowedSubscription>>();

/** Records a running follower under its pool; returns what removes it again. */
export function followSubscription(pool: Pool, subscription: FollowedSubscription): () => void {
  let set = followed.get(pool);
  if (!set) followed.set(pool, (set = new Set()));
  set.add(subscription);
  return () => set.delete(subscription);
}

/**
 * The backlog of every subscription this process follows on the pool's database: exact (up to
 * `cap`), since it counts only the events each one's filter takes after the position it reached.
 */
export async function subscriptionBacklogs(pool: Pool, cap = 100_000): Promise<{ name: string; backlog: number }[]> {
  const subscriptions = [...(followed.get(pool) ?? [])];
  return Promise.all(subscriptions.map(async (subscription) => ({ name: subscription.name, backlog: await subscription.backlog(cap) })));
}
