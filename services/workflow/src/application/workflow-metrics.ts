import { Inject, Injectable } from '@nestjs/common';
import type { PostgresEventStore } from '@tenure/event-store-postgres';
import { EVENT_STORE, ServiceMetrics } from '@tenure/service-runtime';

/**
 * The workflow service's own series, read from its read models when Prometheus scrapes (so every
 * instance reports the same): access requests by status and by how they were approved (`auto`,
 * `approvals`, `break-glass`, `no-approval-required`; none yet while pending).
 */
@Injectable()
export class WorkflowMetrics {
  constructor(metrics: ServiceMetrics, @Inject(EVENT_STORE) store: PostgresEventStore) {
    metrics.gaugeFrom(
      'tenure_access_requests',
      'Just-in-time access requests by status and by how they were approved',
      ['status', 'how'],
      async () => {
        const { rows } = await store.pool.query<{ status: string; how: string | null; n: number }>(
          `SELECT status, state->>'how' AS how, count(*)::int AS n FROM workflow_access_requests GROUP BY 1, 2`,
        );
        return rows.map((row) => ({ labels: { status: row.status, how: row.how ?? 'none' }, value: row.n }));
      },
    );
  }
}
