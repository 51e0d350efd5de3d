import { START, type EventFilter, type RecordedEvent } from '@tenure/event-sourcing';
import type { Pool } from 'pg';
import { loadCheckpoint, storeCheckpoint } from './checkpoints';
import { LogFollower } from './log-follower';
import type { Notifier } from './notifier';

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
}

/**
 * A process manager's loop over the log: a LogFollower that resumes from its checkpoint and stores
 * the checkpoint after each batch it answered. Unlike a projection, what it does (appending events)
 * is not in the checkpoint's transaction, hence the idempotency `handle` must have.
 */
export class CheckpointedProcess {
  private follower: LogFollower | undefined;
  private readonly started: Promise<void>;

  constructor(private readonly options: CheckpointedProcessOptions) {
    this.started = this.start();
    this.started.catch((error: unknown) => options.onFailed(error, 'start'));
  }

  /** Resolves once every matching event committed so far has been answered. */
  async waitUntilCaughtUp(timeoutMs = 30_000): Promise<void> {
    await this.started;
    await this.follower!.waitUntilCaughtUp(timeoutMs);
  }

  async stop(): Promise<void> {
    await this.started.catch(() => undefined);
    await this.follower?.stop();
  }

  private async start(): Promise<void> {
    const { pool, notifier, checkpoint, filter, handle, onFailed } = this.options;
    this.follower = new LogFollower({
      pool,
      notifier,
      startAfter: (await loadCheckpoint(pool, checkpoint)) ?? START,
      filter,
      processBatch: async (events) => {
        await handle(events);
        await storeCheckpoint(pool, checkpoint, events[events.length - 1]!.position);
      },
      onStopped: (error) => onFailed(error, 'running'),
    });
  }
}
