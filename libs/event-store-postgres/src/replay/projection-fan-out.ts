import type { Position, RecordedEvent } from '@tenure/event-sourcing';
import type { Pool } from 'pg';
import { applyBatch } from '../projections/projection-runner';
import type { Projection } from '../projections/projection';
import { EventRouter } from './event-router';
import { Slots } from './slots';

export interface FanOutOptions {
  /** Connections the projections write through. */
  readonly pool: Pool;
  /**
   * Projections with `applyBatch` applying at once. Those without one take a slot of their own
   * besides: the pool needs `concurrency + 1` connections.
   */
  readonly concurrency: number;
  readonly projections: readonly Projection[];
  /** After a projection committed its share of a batch (seconds from its BEGIN to its COMMIT). */
  readonly onApplied?: (projection: number, count: number, seconds: number) => void;
  /** After every projection has applied a whole batch of the log. */
  readonly onBatchApplied?: (count: number, position: Position) => void;
  readonly now?: () => number;
}

/**
 * Feeds one read of the log to several projections: each batch is read, parsed and has its personal
 * values opened once, and every projection applies the events its filter selects (in log order, in
 * its own transactions, a batch at a time). The tables are a replay's scratch copies, which nothing
 * else writes: no apply lock or checkpoint per transaction; the caller stores the checkpoints. While the projections apply a
 * batch, the next one is read: `feed` returns once the batch before it is applied everywhere.
 */
export class ProjectionFanOut {
  private readonly tails: Promise<void>[];
  /** Splits each batch into the projections' shares. */
  private readonly router: EventRouter;
  private previous: Promise<void> = Promise.resolve();
  private lastFed: Position | undefined;
  private readonly now: () => number;
  private readonly batchSlots: Slots;
  /**
   * Projections without `applyBatch` send a statement or more per event and wait for each answer,
   * which waits in turn for this process to finish what it is folding for the others: at 1,000,000
   * events the HR import runs' 2,214 events took 14 s that way. They use little of either process,
   * so they wait in a slot of their own instead of keeping a batch projection from applying.
   */
  private readonly eventSlots = new Slots(1);

  constructor(private readonly options: FanOutOptions) {
    this.tails = options.projections.map(() => Promise.resolve());
    this.router = new EventRouter(options.projections.map((projection) => projection.filter));
    this.now = options.now ?? (() => performance.now());
    this.batchSlots = new Slots(options.concurrency);
  }

  async feed(events: readonly RecordedEvent[]): Promise<void> {
    if (events.length === 0) return;
    const position = events[events.length - 1]!.position;
    const shares = this.router.split(events);
    const applying = this.options.projections.map((projection, index) => {
      const share = shares[index]!;
      if (share.length === 0) return this.tails[index]!;
      // Chained: a projection's batches commit in log order, and none after one that failed.
      const tail = this.tails[index]!.then(() => this.apply(index, projection, share));
      this.tails[index] = tail;
      return tail;
    });
    const current = Promise.all(applying).then(() => this.options.onBatchApplied?.(events.length, position));
    // Awaited by the next feed or by `drain`; until then a failure must not count as unhandled.
    current.catch(() => undefined);
    const previous = this.previous;
    this.previous = current;
    this.lastFed = position;
    await previous;
  }

  /** Once the last batch was fed: resolves when projection `index` has applied all it was fed (rejects if it failed). */
  applied(index: number): Promise<void> {
    return this.tails[index]!;
  }

  /** Waits for everything fed to be applied; the position of the last event fed, if any. */
  async drain(): Promise<Position | undefined> {
    await this.previous;
    await Promise.all(this.tails);
    return this.lastFed;
  }

  private async apply(index: number, projection: Projection, events: readonly RecordedEvent[]): Promise<void> {
    // A slot first, so the time measured is the projection's own, not a wait for a connection.
    const slots = projection.applyBatch ? this.batchSlots : this.eventSlots;
    await slots.take();
    try {
      const started = this.now();
      await applyBatch(this.options.pool, projection, events, undefined, { checkpoint: false });
      this.options.onApplied?.(index, events.length, (this.now() - started) / 1_000);
    } finally {
      slots.release();
    }
  }
}
