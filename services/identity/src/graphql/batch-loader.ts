type Waiting<K, V> = { readonly key: K; resolve(value: V | undefined): void; reject(error: unknown): void };

/**
 * Collects the keys that resolvers ask for while graphql-js walks one level of a result (all
 * `manager` fields of a page, say) and loads them with one query; caches per key for its lifetime,
 * which is one request.
 */
export class BatchLoader<K, V> {
  private readonly cache = new Map<K, Promise<V | undefined>>();
  private waiting: Waiting<K, V>[] = [];

  constructor(private readonly loadMany: (keys: readonly K[]) => Promise<ReadonlyMap<K, V>>) {}

  load(key: K): Promise<V | undefined> {
    const cached = this.cache.get(key);
    if (cached) return cached;
    const promise = new Promise<V | undefined>((resolve, reject) => {
      // Dispatch after the promise jobs queued now have run, so sibling resolvers get to ask first.
      if (this.waiting.length === 0) void Promise.resolve().then(() => process.nextTick(() => void this.dispatch()));
      this.waiting.push({ key, resolve, reject });
    });
    this.cache.set(key, promise);
    return promise;
  }

  private async dispatch(): Promise<void> {
    const batch = this.waiting;
    this.waiting = [];
    try {
      const found = await this.loadMany(batch.map((waiting) => waiting.key));
      for (const waiting of batch) waiting.resolve(found.get(waiting.key));
    } catch (error) {
      for (const waiting of batch) waiting.reject(error);
    }
  }
}
