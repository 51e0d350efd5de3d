/**
 * A set of small integers (entitlement or rule numbers) that is emptied in O(1): each `clear`
 * starts a new epoch, and a number is in the set when its stamp equals the epoch. Decisions reuse
 * one per compiled policy instead of allocating a Set of strings per call, which keeps the garbage
 * collector (and with it the p99) quiet.
 */
export class Marks {
  private readonly stamps: Uint32Array;
  private epoch = 0;
  /** The numbers marked since the last clear, in marking order (an unmarked one stays listed: check `has`). */
  readonly marked: number[] = [];

  constructor(size: number) {
    this.stamps = new Uint32Array(size);
  }

  clear(): void {
    this.marked.length = 0;
    this.epoch++;
    if (this.epoch === 0xffffffff) {
      this.stamps.fill(0);
      this.epoch = 1;
    }
  }

  mark(value: number): void {
    if (this.stamps[value] !== this.epoch) {
      this.stamps[value] = this.epoch;
      this.marked.push(value);
    }
  }

  unmark(value: number): void {
    this.stamps[value] = 0;
  }

  has(value: number): boolean {
    return this.stamps[value] === this.epoch;
  }
}
