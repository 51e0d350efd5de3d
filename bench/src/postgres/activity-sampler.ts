import type { Pool } from 'pg';

/**
 * Samples what the database is busy with (`pg_stat_activity`, active backends other than the
 * sampler's own) at a fixed interval and counts each statement's appearances: a statement seen in
 * many samples is where the database's time goes. Statements are shortened to their first line.
 */
export class ActivitySampler {
  private readonly counts = new Map<string, number>();
  private samples = 0;
  private readonly timer: NodeJS.Timeout;
  private sampling = false;

  constructor(
    private readonly pool: Pool,
    intervalMs = 200,
  ) {
    this.timer = setInterval(() => void this.sample(), intervalMs);
    this.timer.unref();
  }

  private async sample(): Promise<void> {
    if (this.sampling) return;
    this.sampling = true;
    try {
      const { rows } = await this.pool.query<{ query: string; wait: string | null }>(
        `SELECT query, wait_event_type || ':' || wait_event AS wait FROM pg_stat_activity
          WHERE state = 'active' AND pid <> pg_backend_pid() AND datname = current_database()`,
      );
      this.samples++;
      for (const row of rows) {
        const statement = row.query.replace(/\s+/g, ' ').trim().slice(0, 110);
        const key = `${statement}${row.wait ? ` [${row.wait}]` : ''}`;
        this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
      }
    } catch {
      // the pool is closing: the run is over
    } finally {
      this.sampling = false;
    }
  }

  /** The `limit` statements seen most, with the share of samples that saw them. */
  stop(limit = 8): string[] {
    clearInterval(this.timer);
    return [...this.counts.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([statement, count]) => `${((count * 100) / Math.max(1, this.samples)).toFixed(0).padStart(3)}% ${statement}`);
  }
}
