import { Inject, Injectable } from '@nestjs/common';
import type { PostgresEventStore } from '@tenure/event-store-postgres';
import { EVENT_STORE, ServiceMetrics } from '@tenure/service-runtime';

/**
 * HR import results, read from the import runs' read model when Prometheus scrapes: runs by channel
 * and status (held ones wait for a person to confirm), and their rows rejected, failed and corrected.
 */
@Injectable()
export class HrImportMetrics {
  constructor(metrics: ServiceMetrics, @Inject(EVENT_STORE) store: PostgresEventStore) {
    metrics.gaugeFrom('tenure_hr_import_runs', 'HR import runs by channel and status', ['channel', 'status'], async () => {
      const { rows } = await store.pool.query<{ channel: string; status: string; n: number }>(
        'SELECT channel, status, count(*)::int AS n FROM hr_import_runs GROUP BY 1, 2',
      );
      return rows.map((row) => ({ labels: { channel: row.channel, status: row.status }, value: row.n }));
    });
    metrics.gaugeFrom(
      'tenure_hr_import_rows',
      'Rows of HR import runs that were rejected, failed to apply or corrected',
      ['result'],
      async () => {
        const { rows } = await store.pool.query<{ rejected: number; failed: number; corrected: number }>(
          'SELECT coalesce(sum(rejected), 0)::int AS rejected, coalesce(sum(failed), 0)::int AS failed, coalesce(sum(corrected), 0)::int AS corrected FROM hr_import_runs',
        );
        const totals = rows[0]!;
        return (['rejected', 'failed', 'corrected'] as const).map((result) => ({ labels: { result }, value: totals[result] }));
      },
    );
  }
}
