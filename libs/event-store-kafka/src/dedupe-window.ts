/**
 * The ids of the most recently handled events, at most `capacity` of them (oldest forgotten first).
 * It catches redeliveries after a failed commit or a rebalance within one process; it cannot catch a
 * duplicate older than the window or one handled by another process, so handlers stay idempotent.
 */
export class DedupeWindow {
  private readonly ids = new Set<string>();

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1)
      throw new RangeError(`dedupe window capacity must be a positive integer, got ${capacity}`);
  }

  has(id: string): boolean {
    return this.ids.has(id);
  }

  remember(id: string): void {
    // Re-inserting moves the id to the newest end (a Set iterates in insertion order).
    this.ids.delete(id);
    this.ids.add(id);
    while (this.ids.size > this.capacity) this.ids.delete(this.ids.values().next().value as string);
  }

  get size(): number {
    return this.ids.size;
  }
}
