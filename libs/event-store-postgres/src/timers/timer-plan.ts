import type { TimerRequest } from './timer-schedule';
import type { PoolClient } from 'pg';

/**
 * The timers a batch decided, folded: only each timer's last decision matters (scheduling it again
 * moves it, cancelling it after a schedule leaves none), so a batch writes one upsert and one delete
 * whatever the number of events — the same end state as scheduleTimer/cancelTimer per event.
 */
export class TimerPlan {
  private readonly last = new Map<string, TimerRequest | 'cancelled'>();

  schedule(timer: TimerRequest): void {
    this.last.delete(timer.timerId);
    this.last.set(timer.timerId, timer);
  }

  cancel(timerId: string): void {
    this.last.delete(timerId);
    this.last.set(timerId, 'cancelled');
  }

  async write(client: PoolClient): Promise<void> {
    const scheduled: { timer_id: string; kind: string; due_at: string; payload: unknown }[] = [];
    const cancelled: string[] = [];
    for (const [timerId, decision] of this.last) {
      if (decision === 'cancelled') cancelled.push(timerId);
      else
        scheduled.push({ timer_id: timerId, kind: decision.kind, due_at: decision.dueAt.toISOString(), payload: decision.payload ?? null });
    }
    if (cancelled.length > 0) await client.query('DELETE FROM tenure_timers WHERE timer_id = ANY ($1::text[])', [cancelled]);
    if (scheduled.length === 0) return;
    // The same columns and reset as scheduleTimer: a moved timer starts its attempts again.
    await client.query(
      `INSERT INTO tenure_timers (timer_id, kind, due_at, payload)
       SELECT timer_id, kind, due_at, payload FROM jsonb_to_recordset($1::jsonb) AS r(timer_id text, kind text, due_at timestamptz, payload jsonb)
       ON CONFLICT (timer_id) DO UPDATE
         SET kind = EXCLUDED.kind, due_at = EXCLUDED.due_at, payload = EXCLUDED.payload,
             attempts = 0, last_error = NULL, scheduled_at = clock_timestamp()`,
      [JSON.stringify(scheduled)],
    );
  }
}
