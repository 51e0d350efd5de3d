/**
 * Runs `work` for every group of items sharing a key, at most `limit` groups at a time: the items of
 * one group one after the other, in their order; different groups side by side. For processes
 * whose work for one subject must stay in order while different subjects need not wait for each
 * other. Rejects with the first failure, after every started group has settled.
 */
export async function forEachGroupConcurrently<Item>(
  items: readonly Item[],
  keyOf: (item: Item) => string,
  limit: number,
  work: (item: Item) => Promise<void>,
): Promise<void> {
  const groups = new Map<string, Item[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  const pending = [...groups.values()];
  let failure: { error: unknown } | undefined;
  const worker = async (): Promise<void> => {
    for (let group = pending.shift(); group && !failure; group = pending.shift()) {
      try {
        for (const item of group) await work(item);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, pending.length)) }, worker));
  if (failure) throw failure.error;
}
