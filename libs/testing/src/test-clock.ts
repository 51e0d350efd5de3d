/** A settable clock: tests move time forward to reach expiries and deadlines. Structurally a `Clock` of @tenure/event-sourcing. */
export class TestClock {
  constructor(private current: Date) {}
  now(): Date {
    return this.current;
  }
  set(at: string | Date): void {
    this.current = new Date(at);
  }
  advance(milliseconds: number): void {
    this.current = new Date(this.current.getTime() + milliseconds);
  }
}
