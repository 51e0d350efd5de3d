import { exponentialBackoff, forEachGroupConcurrently, withCorrelationId, type Clock } from '@tenure/event-sourcing';
import { continuingTrace, inSpan } from '@tenure/tracing';
import type { Pool } from 'pg';
import type { PendingTimer } from './timer-schedule';

export interface TimerWorkerOptions {
  readonly pool: Pool;
  readonly kind: string;
  readonly clock: Clock;
  /**
   * Does the timer's work. Must be idempotent: if the process dies after the work but before the
   * timer is removed, it fires again (the deciders' "nothing due" makes that a no-op).
   */
  readonly fire: (timer: PendingTimer) => Promise<void>;
  /** How often to look for due timers. Default 1000 ms. */
  readonly pollMs?: number;
  readonly batchSize?: number;
  /** Timers of a batch fired at once (their work mostly waits on the database). Default 1. */
  readonly concurrency?: number;
  /**
   * Timers with the same group fire one after the other, in due order (e.g. those that change one
   * aggregate, which would otherwise meet at its expected revision). Default: each timer on its own.
   */
  readonly groupOf?: (timer: PendingTimer) => string;
  /** Failed timers are retried after this delay (by attempt); default doubles from 1 s to 5 min. */
  readonly retryDelayMs?: (attempt: number) => number;
  readonly onError?: (timer: PendingTimer, error: unknown) => void;
}

export interface TimerWorker {
  /** Fires everything due now, once; resolves with how many fired (tests and shutdown use it). */
  fireDue(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * Fires due timers of one kind. Durable: timers live in PostgreSQL, so one that fell due while no
 * worker ran fires at the next poll after a start. Safe with several instances: each due row is
 * locked with SKIP LOCKED while it fires, and removed in the same transaction when the work succeeded.
 */
export function startTimerWorker(options: TimerWorkerOptions): TimerWorker {
  const retryDelay = options.retryDelayMs ?? exponentialBackoff(1_000, 300_000);
  let stopped = false;
  let running: Promise<number> = Promise.resolve(0);
  let timer: NodeJS.Timeout | undefined;

  async function fireDue(): Promise<number> {
    let fired = 0;
    for (;;) {
      const count = await fireBatch();
      fired += count;
      if (count < (options.batchSize ?? 50) || stopped) return fired;
    }
  }

  async function fireBatch(): Promise<number> {
    const client = await options.pool.connect();
    try {
      await client.query('BEGIN');
      const { rows } = await client.query<{
        timer_id: string;
        kind: string;
        due_at: Date;
        payload: unknown;
        attempts: number;
        last_error: string | null;
      }>(
        `SELECT timer_id, kind, due_at, payload, attempts, last_error FROM tenure_timers
          WHERE kind = $1 AND due_at <= $2 ORDER BY due_at LIMIT $3 FOR UPDATE SKIP LOCKED`,
        [options.kind, options.clock.now(), options.batchSize ?? 50],
      );
      const due = rows.map((row): PendingTimer => ({
        timerId: row.timer_id,
        kind: row.kind,
        dueAt: row.due_at,
        payload: row.payload,
        attempts: row.attempts,
        lastError: row.last_error,
      }));
      // Groups fire side by side, up to `concurrency`; the client queues the row updates, which all
      // commit with the batch.
      const groupOf = options.groupOf ?? ((timer: PendingTimer) => timer.timerId);
      await forEachGroupConcurrently(due, groupOf, options.concurrency ?? 1, async (timer) => {
        try {
          await firing(timer, () => options.fire(timer));
          // Only if nobody moved it meanwhile (a projection may have rescheduled it for later).
          await client.query('DELETE FROM tenure_timers WHERE timer_id = $1 AND due_at = $2', [timer.timerId, timer.dueAt]);
        } catch (error) {
          options.onError?.(timer, error);
          const attempts = timer.attempts + 1;
          await client.query('UPDATE tenure_timers SET attempts = $2, last_error = $3, due_at = $4 WHERE timer_id = $1', [
            timer.timerId,
            attempts,
            error instanceof Error ? error.message : String(error),
            new Date(options.clock.now().getTime() + retryDelay(attempts)),
          ]);
        }
      });
      await client.query('COMMIT');
      return rows.length;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /**
   * A timer's work is correlated with the timer (its log lines, and the events it records unless it
   * names another id), and is a trace of its own: the request that scheduled it is long over.
   */
  function firing(timer: PendingTimer, work: () => Promise<void>): Promise<void> {
    return withCorrelationId(timer.timerId, () =>
      continuingTrace(undefined, () =>
        inSpan(
          `tenure.timer ${timer.kind}`,
          { attributes: { 'tenure.timer.kind': timer.kind, 'tenure.timer.id': timer.timerId, 'tenure.timer.attempts': timer.attempts } },
          work,
        ),
      ),
    );
  }

  /** Runs one pass after whatever pass is running: passes never overlap within a worker. */
  function enqueue(): Promise<number> {
    const pass = running.then(fireDue, fireDue);
    running = pass.catch(() => 0);
    return pass;
  }

  function schedulePoll(): void {
    if (stopped) return;
    timer = setTimeout(() => {
      // The database may be away: the next poll tries again.
      void enqueue()
        .catch(() => 0)
        .finally(schedulePoll);
    }, options.pollMs ?? 1_000);
  }

  void enqueue()
    .catch(() => 0)
    .finally(schedulePoll);

  return {
    fireDue: enqueue,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running.catch(() => undefined);
    },
  };
}
