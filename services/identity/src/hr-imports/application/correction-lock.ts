import { withAdvisoryLock } from '@tenure/event-store-postgres';
import type { Pool } from 'pg';

/**
 * Runs `work` holding a PostgreSQL advisory lock for corrections of one run, so that two of them
 * (two administrators, or the service and the CLI) never both apply a corrected record before one is
 * recorded: the second waits, then finds the record corrected and is refused before applying anything.
 * The name is not the run's stream id: appending to that stream takes a lock on the stream id itself.
 */
export function withCorrectionLock<T>(pool: Pool, runId: string, work: () => Promise<T>): Promise<T> {
  return withAdvisoryLock(pool, `hr-import-correction:${runId}`, work);
}
