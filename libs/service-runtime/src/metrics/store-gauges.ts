import { subscriptionBacklogs } from '@tenure/event-store-postgres';
import type { Pool } from 'pg';
import type { ServiceMetrics } from './service-metrics';

/** Backlogs are counted up to this many events: enough to tell "behind" from "stuck", cheap to count. */
export const BACKLOG_COUNT_CAP = 100_000;

/**
 * Gauges read from the store when Prometheus scrapes: each of this instance's subscriptions' backlog;
 * the events appended after each checkpoint of the database; the durable timers pending, due and
 * failing, by kind.
 *
 * The backlog is exact: the events after the position the subscription reached that its filter
 * takes (counted up to BACKLOG_COUNT_CAP), for the subscriptions this process runs. The second is an
 * upper bound, seen the same from every instance: a checkpoint is stored with the last event a
 * subscription handled, so one whose events are rare (the policy versions) shows every event since
 * its last one although it has nothing to do.
 */
export function registerStoreGauges(metrics: ServiceMetrics, pool: Pool): void {
  metrics.gaugeFrom(
    'tenure_subscription_backlog',
    `Events this instance's subscription (projection, process, subscriber) has still to handle: those after its position that its filter takes, counted up to ${BACKLOG_COUNT_CAP}`,
    ['subscription'],
    async () =>
      (await subscriptionBacklogs(pool, BACKLOG_COUNT_CAP)).map(({ name, backlog }) => ({
        labels: { subscription: name },
        value: backlog,
      })),
  );
  metrics.gaugeFrom(
    'tenure_subscription_events_since_checkpoint',
    'Events appended to the log after the last event each subscription (projection or process) of the database handled: an upper bound of its backlog (every service reports every subscription of the database: aggregate with max)',
    ['subscription'],
    async () => {
      const { rows } = await pool.query<{ subscription_id: string; lag: string }>(
        `SELECT c.subscription_id, greatest(coalesce(h.head, 0) - c.prepare_position, 0)::text AS lag
           FROM tenure_checkpoints c
           CROSS JOIN (SELECT max(global_position) AS head FROM tenure_events) h`,
      );
      return rows.map((row) => ({ labels: { subscription: row.subscription_id }, value: Number(row.lag) }));
    },
  );
  const timers = (name: string, help: string, condition: string) =>
    metrics.gaugeFrom(name, help, ['kind'], async () => {
      const { rows } = await pool.query<{ kind: string; n: number }>(
        `SELECT kind, count(*)::int AS n FROM tenure_timers WHERE ${condition} GROUP BY kind`,
      );
      return rows.map((row) => ({ labels: { kind: row.kind }, value: row.n }));
    });
  timers('tenure_timers_pending', 'Durable timers scheduled (due or not), by kind', 'true');
  timers('tenure_timers_due', 'Durable timers due now and not fired yet, by kind', 'due_at <= now()');
  timers('tenure_timers_failing', 'Durable timers whose work failed at least once and that wait for a retry, by kind', 'attempts > 0');
}
