import type { ServiceMetrics } from '@tenure/service-runtime';

export type DeliveryOutcome = 'sent' | 'retrying' | 'failed' | 'undeliverable' | 'opted-out';

/** Counts each delivery attempt's outcome by kind and channel (labels name no person). */
export interface NotificationMetrics {
  count(kind: string, channel: string, outcome: DeliveryOutcome): void;
}

export function prometheusNotificationMetrics(metrics: ServiceMetrics): NotificationMetrics {
  const counter = metrics.counter('tenure_notifications_total', 'Notification deliveries by kind, channel and outcome', [
    'kind',
    'channel',
    'outcome',
  ]);
  return { count: (kind, channel, outcome) => counter.inc({ kind, channel, outcome }) };
}

/** Counts kept in memory: for tests, and when the service runs without a metrics registry. */
export class CountingNotificationMetrics implements NotificationMetrics {
  readonly counts = new Map<string, number>();

  count(kind: string, channel: string, outcome: DeliveryOutcome): void {
    const key = `${kind}/${channel}/${outcome}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  of(kind: string, channel: string, outcome: DeliveryOutcome): number {
    return this.counts.get(`${kind}/${channel}/${outcome}`) ?? 0;
  }
}
