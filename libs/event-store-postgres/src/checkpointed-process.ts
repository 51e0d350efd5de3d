import { comparePositions, START, type EventFilter, type Position, type RecordedEvent } from '@tenure/event-sourcing';
import type { Pool } from 'pg';
import { advanceCheckpoint, loadCheckpoint } from './checkpoints';
import type { Leases } from './leases/leases';
import { LogFollower } from './log-follower';
import type { Notifier } from './notifier';
import { handlingEvents } from './tracing/event-handling';

export interface CheckpointedProcessOptions {
  readonly pool: Pool;
  readonly notifier: Notifier;
  /** The checkpoint's name: where the process resumes after a restart. */
  readonly checkpoint: string;
  readonly filter: EventFilter;
  /**
   * Answers one batch in log order. It must be idempotent: after a crash between its effects and
   * the checkpoint, the batch is answered again.
   */
  readonly handle: (events: readonly RecordedEvent[]) => Promise<void>;
  /** The process could not start, or stopped on an error `handle` threw. */
  readonly onFailed: (error: unknown, when: 'start' | 'running') => void;
  /**
   * With several instances of the service on one database: only the instance holding the lease named
   * after the checkpoint answers; the others follow its checkpoint (so `waitUntilCaughtUp` still
   * means "answered, by whichever instance") and try every `leaseRetryMs` to take over, continuing
   * from the checkpoint when the holder is gone. Without: this instance answers alone.
   */
  readonly leases?: Leases;
  /** Default 1,000 ms. */
  readonly leaseRetryMs?: number;
  /** How often a follower checks whether the holder's checkpoint has passed a batch. Default 50 ms. */
  readonly followPollMs?: number;
}

type Role = 'answering' | 'following';

/**
 * A process manager's loop over the log: a LogFollower that resumes from its checkpoint and stores
 * the checkpoint after each batch it answered. Unlike a projection, what it does (appending events)
 * is not in the checkpoint's transaction, hence the idempotency `handle` must have. The checkpoint
 * only moves forward, so an instance that lost its lease while answering a batch cannot move it back
 * behind the instance that took over.
 */
export class CheckpointedProcess {
  private follower: LogFollower | undefined;
  private role: Role | undefined;
  /** Bumped by every change of role: a follower of an earlier generation is being retired. */
  private generation = 0;
  private switched: { readonly promise: Promise<void>; readonly resolve: () => void } = signal();
  private stopped = false;
  private leaseLost: (() => void) | undefined;
  private readonly started: Promise<void>;
  private readonly running: Promise<void>;

  constructor(private readonly options: CheckpointedProcessOptions) {
    let markStarted: () => void = () => undefined;
    this.started = new Promise((resolve) => (markStarted = resolve));
    this.running = this.run(markStarted);
    this.running.catch((error: unknown) => options.onFailed(error, 'start'));
  }

  /** Resolves once every matching event committed so far has been answered (by this instance or the lease holder). */
  async waitUntilCaughtUp(timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    await Promise.race([this.started, this.running]);
    for (;;) {
      const { follower, switched, generation } = this;
      if (!follower) throw new Error(`process ${this.options.checkpoint} is not running`);
      if (Date.now() >= deadline) throw new Error(`process ${this.options.checkpoint} not caught up after ${timeoutMs} ms`);
      try {
        await follower.waitUntilCaughtUp(deadline - Date.now());
        return;
      } catch (error) {
        // Retired because this instance took the lease over, or lost it: ask the follower that replaces it.
        if (this.stopped || generation === this.generation) throw error;
        await switched.promise;
      }
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.leaseLost?.();
    await this.running.catch(() => undefined);
    await this.follower?.stop();
    if (this.options.leases && this.role === 'answering') await this.options.leases.give(this.leaseName);
  }

  private get leaseName(): string {
    return `process:${this.options.checkpoint}`;
  }

  private async run(markStarted: () => void): Promise<void> {
    const { leases } = this.options;
    if (!leases) {
      await this.become('answering');
      markStarted();
      return;
    }
    const retryMs = this.options.leaseRetryMs ?? 1_000;
    while (!this.stopped) {
      const lost = new Promise<void>((resolve) => (this.leaseLost = resolve));
      const taken = await leases.tryTake(this.leaseName, () => this.leaseLost?.());
      if (this.stopped) break;
      if (taken) {
        await this.become('answering');
        markStarted();
        await lost;
        continue;
      }
      if (this.role !== 'following') await this.become('following');
      markStarted();
      let retry: NodeJS.Timeout | undefined;
      await Promise.race([lost, new Promise((resolve) => (retry = setTimeout(resolve, retryMs)))]);
      clearTimeout(retry);
    }
  }

  /** Replaces the follower by one that answers (holding the lease) or one that follows the holder's checkpoint. */
  private async become(role: Role): Promise<void> {
    const generation = ++this.generation;
    this.role = role;
    const previous = this.switched;
    this.switched = signal();
    try {
      await this.follower?.stop();
      if (this.stopped) return;
      const { pool, notifier, checkpoint, filter, handle, onFailed } = this.options;
      this.follower = new LogFollower({
        pool,
        name: checkpoint,
        notifier,
        startAfter: (await loadCheckpoint(pool, checkpoint)) ?? START,
        filter,
        processBatch:
          role === 'answering'
            ? async (events) => {
                await handlingEvents(checkpoint, events, () => handle(events));
                await advanceCheckpoint(pool, checkpoint, events[events.length - 1]!.position);
              }
            : (events) => this.checkpointPassed(events[events.length - 1]!.position, generation),
        onStopped: (error) => {
          if (generation === this.generation) onFailed(error, 'running');
        },
      });
    } finally {
      previous.resolve();
    }
  }

  /**
   * A follower's batch is done once the holder's checkpoint has reached its last event, or once this
   * follower is retired (its instance takes over, or stops).
   */
  private async checkpointPassed(position: Position, generation: number): Promise<void> {
    const pollMs = this.options.followPollMs ?? 50;
    while (!this.stopped && generation === this.generation) {
      const stored = await loadCheckpoint(this.options.pool, this.options.checkpoint);
      if (stored && comparePositions(stored, position) >= 0) return;
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
  }
}

function signal(): { readonly promise: Promise<void>; readonly resolve: () => void } {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}
