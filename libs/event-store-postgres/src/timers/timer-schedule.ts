import type { Pool, PoolClient } from 'pg';

type Queryable = Pick<Pool | PoolClient, 'query'>;

export interface TimerRequest {
  /** Stable and meaningful, e.g. `identity-due:<identity id>`: scheduling it again moves it. */
  readonly timerId: string;
  /** Which worker fires it. */
  readonly kind: string;
  readonly dueAt: Date;
  readonly payload: unknown;
}

/** Schedules (or moves) a timer. Call it inside the projection transaction that decided it. */
export async function scheduleTimer(db: Queryable, timer: TimerRequest): Promise<void> {
  await db.query(
    `INSERT INTO tenure_timers (timer_id, kind, due_at, payload) VALUES ($1, $2, $3, $4)
     ON CONFLICT (timer_id) DO UPDATE
       SET kind = EXCLUDED.kind, due_at = EXCLUDED.due_at, payload = EXCLUDED.payload,
           attempts = 0, last_error = NULL, scheduled_at = clock_timestamp()`,
    [timer.timerId, timer.kind, timer.dueAt, JSON.stringify(timer.payload ?? null)],
  );
}

export async function cancelTimer(db: Queryable, timerId: string): Promise<void> {
  await db.query('DELETE FROM tenure_timers WHERE timer_id = $1', [timerId]);
}

export interface PendingTimer extends TimerRequest {
  readonly attempts: number;
  readonly lastError: string | null;
}

/** Timers of a kind not fired yet, soonest first: for health pages and tests. */
export async function pendingTimers(db: Queryable, kind: string): Promise<PendingTimer[]> {
  const { rows } = await db.query<{
    timer_id: string;
    kind: string;
    due_at: Date;
    payload: unknown;
    attempts: number;
    last_error: string | null;
  }>('SELECT timer_id, kind, due_at, payload, attempts, last_error FROM tenure_timers WHERE kind = $1 ORDER BY due_at, timer_id', [kind]);
  return rows.map((r) => ({
    timerId: r.timer_id,
    kind: r.kind,
    dueAt: r.due_at,
    payload: r.payload,
    attempts: r.attempts,
    lastError: r.last_error,
  }));
}
