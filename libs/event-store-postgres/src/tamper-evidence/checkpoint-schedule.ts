import type { Pool } from 'pg';
import { createHashCheckpoint, latestCheckpointRow } from './hash-checkpoints';
import { verifyEventLog } from './verify-event-log';

export interface CheckpointScheduleOptions {
  readonly pool: Pool;
  readonly now: () => Date;
  /** A new checkpoint once the latest is this old (or there is none). */
  readonly everyMs: number;
  /** How often to look. Default one minute. */
  readonly pollMs?: number;
  readonly log: {
    info(details: Record<string, unknown>, message: string): void;
    error(details: Record<string, unknown>, message: string): void;
  };
}

/**
 * Seals the event log on a schedule, so that removing a stream's last events is caught without
 * anybody remembering to run `audit:verify --checkpoint`. The log is verified first and only an
 * intact one is sealed: a checkpoint must never vouch for altered events. Instances may run it side
 * by side; `createHashCheckpoint` serialises them, and a second checkpoint soon after the first
 * is harmless.
 */
export function startCheckpointSchedule(options: CheckpointScheduleOptions): { stop(): Promise<void> } {
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  const tick = async (): Promise<void> => {
    try {
      if (!(await due(options))) return;
      const report = await verifyEventLog(options.pool, { maxFindings: 10 });
      if (!report.intact) {
        options.log.error(
          { findings: report.findings.length + report.findingsOmitted, first: report.findings[0]?.detail ?? null },
          'the event log does not verify: no checkpoint is made until it is investigated (npm run audit:verify)',
        );
        return;
      }
      const checkpoint = await createHashCheckpoint(options.pool, { now: options.now });
      options.log.info(
        { checkpoint: checkpoint.id, streams: checkpoint.streams, events: report.events },
        'event log sealed by a checkpoint',
      );
    } catch (error) {
      options.log.error({ err: error }, 'the scheduled event log checkpoint failed; it is tried again at the next poll');
    }
  };
  const timer = setInterval(() => {
    if (!stopped) running = running.then(tick);
  }, options.pollMs ?? 60_000);
  running = running.then(tick);
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}

async function due(options: CheckpointScheduleOptions): Promise<boolean> {
  const client = await options.pool.connect();
  try {
    const latest = await latestCheckpointRow(client);
    return !latest || options.now().getTime() - new Date(latest.createdAt).getTime() >= options.everyMs;
  } finally {
    client.release();
  }
}
