import type { Clock } from '@tenure/event-sourcing';
import { startTimerWorker, type TimerWorker } from '@tenure/event-store-postgres';
import type { Pool } from 'pg';
import { HR_IMPORT_UNNAMED_ROWS_TIMER } from '../read-model/hr-import-unnamed-rows-timer';
import type { HrImportUnnamedRowsErasure } from './hr-import-unnamed-rows-erasure';

export const HR_IMPORT_RETENTION_ACTOR = { kind: 'system', id: 'hr-import-retention-timer' } as const;

export interface HrImportRetentionTimerOptions {
  readonly pool: Pool;
  readonly clock: Clock;
  readonly erasure: Pick<HrImportUnnamedRowsErasure, 'erase'>;
  /** How long after its run ended a row that names nobody is kept (HR_IMPORT_UNNAMED_ROWS_RETENTION_DAYS). */
  readonly retentionMs: number;
  readonly pollMs?: number;
}

/**
 * Erases the rows that name nobody of each run whose retention period has passed, durably (also after
 * downtime). The timers are due when their run ended, so the worker looks at the clock one retention
 * period ago: a timer fires once `ended + retention <= now`. The period therefore applies to every run as
 * configured now (shortening it erases older runs at the next poll) and the timers stay what the log says.
 * The erasure is idempotent, so a timer that fires twice records nothing the second time.
 */
export function startHrImportRetentionTimer(options: HrImportRetentionTimerOptions): TimerWorker {
  const { clock, retentionMs, erasure } = options;
  return startTimerWorker({
    pool: options.pool,
    kind: HR_IMPORT_UNNAMED_ROWS_TIMER,
    clock: { now: () => new Date(clock.now().getTime() - retentionMs) },
    ...(options.pollMs ? { pollMs: options.pollMs } : {}),
    fire: async (timer) => {
      const { runId } = timer.payload as { runId: string };
      await erasure.erase(runId, { reason: 'retention' }, HR_IMPORT_RETENTION_ACTOR, timer.timerId);
    },
  });
}
