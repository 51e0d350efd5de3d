import type { Pool } from 'pg';
import type { ServiceMetrics } from '@tenure/service-runtime';

/** How a call to a target ended, as the metrics tell it. */
export type TargetCallOutcome = 'succeeded' | 'failed' | 'retrying' | 'needs-person';

/** What provisioning reports to the service's metrics (a no-op where none are kept, as in most tests). */
export interface ProvisioningMetrics {
  /** One call to an application's connector for an operation: its latency and outcome. */
  targetCalled(applicationId: string, action: string, outcome: TargetCallOutcome, seconds: number): void;
}

export const NO_PROVISIONING_METRICS: ProvisioningMetrics = { targetCalled: () => undefined };

/**
 * Provisioning's Prometheus series: `tenure_provisioning_call_seconds` (latency by application,
 * action and outcome; its `_count` counts the outcomes) and `tenure_provisioning_operations`, the
 * operations by application and status from the operations read model (dead letters are
 * `status="dead"`, work waiting is `requested` and `retrying`).
 */
export function prometheusProvisioningMetrics(metrics: ServiceMetrics, pool: Pool): ProvisioningMetrics {
  const calls = metrics.histogram(
    'tenure_provisioning_call_seconds',
    'Calls to target applications for provisioning operations, by application, action and outcome',
    ['application', 'action', 'outcome'],
    [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  );
  metrics.gaugeFrom(
    'tenure_provisioning_operations',
    'Provisioning operations by application and status (dead: dead letters; requested, retrying: waiting)',
    ['application', 'status'],
    async () => {
      const { rows } = await pool.query<{ application_id: string; status: string; n: number }>(
        'SELECT application_id, status, count(*)::int AS n FROM connector_operations GROUP BY application_id, status',
      );
      return rows.map((row) => ({ labels: { application: row.application_id, status: row.status }, value: row.n }));
    },
  );
  return {
    targetCalled(applicationId, action, outcome, seconds) {
      calls.observe({ application: applicationId, action, outcome }, seconds);
    },
  };
}
