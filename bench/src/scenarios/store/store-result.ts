import type { ContenderTotals } from '../../measure/interleaved-rounds';
import { percentile } from '../../measure/percentiles';
import { perSecond } from '../../measure/timing';
import { round } from '../../report/format';
import type { ConcurrentTotals } from './phases/concurrent-writers';
import type { ReadResult } from './phases/read-global-log';
import type { PairedTotals } from './phases/single-appends';
import type { SubscriptionResult } from './phases/subscription';

/** The targets from the issue: the store keeps at least this share of raw PostgreSQL... */
export const MIN_RATIO_VS_RAW = 0.7;
/** ...and a subscriber sees an event within this many ms at p99. */
export const MAX_LAG_P99_MS = 50;

export interface StoreMeasurements {
  readonly plan: 'quick' | 'full';
  readonly startedAt: Date;
  readonly durationMs: number;
  readonly postgres: string;
  readonly single: PairedTotals;
  readonly batch: PairedTotals;
  readonly concurrent: ConcurrentTotals;
  readonly read: ReadResult;
  readonly subscription: SubscriptionResult;
  readonly peakRssMb: number;
}

const rate = (totals: ContenderTotals) => perSecond(totals.operations, totals.elapsedMs);

/**
 * The ratio of two contenders' throughput as the median over rounds of each round's ratio. A round's
 * two contenders ran back to back, so their ratio is little affected by the machine's mood at the
 * time; the median then ignores the odd round that a neighbour's burst of work hit on one side only.
 */
export function pairedRatio(candidate: ContenderTotals, baseline: ContenderTotals): number {
  const ratios = candidate.roundRates.map((rate, i) => rate / baseline.roundRates[i]!);
  return percentile(ratios, 50);
}

/** Total work over total time of each side: weighs slow rounds more. Reported beside the paired ratio. */
export function pooledRatio(candidate: ContenderTotals, baseline: ContenderTotals): number {
  return rate(candidate) / rate(baseline);
}

/** The one JSON line the scenario ends with. Ratios are store / raw throughput, measured in the same rounds. */
export function buildStoreResult(m: StoreMeasurements): Record<string, string | number | boolean> {
  const ratioSingle = pairedRatio(m.single.store, m.single.raw);
  const ratioBatch = pairedRatio(m.batch.store, m.batch.raw);
  const lagP99 = percentile(m.subscription.lagFromReturnMs, 99);
  return {
    scenario: 'store',
    plan: m.plan,
    started_at: m.startedAt.toISOString(),
    duration_s: round(m.durationMs / 1000, 1),
    postgres: m.postgres,

    raw_insert_p50_ms: round(percentile(m.single.raw.latencies, 50), 3),
    raw_insert_p99_ms: round(percentile(m.single.raw.latencies, 99), 3),
    raw_inserts_per_s: round(rate(m.single.raw), 0),
    append_p50_ms: round(percentile(m.single.store.latencies, 50), 3),
    append_p99_ms: round(percentile(m.single.store.latencies, 99), 3),
    appends_per_s: round(rate(m.single.store), 0),
    ratio_single_vs_raw: round(ratioSingle, 3),
    ratio_single_vs_raw_pooled: round(pooledRatio(m.single.store, m.single.raw), 3),

    raw_batch_rows_per_s: round(rate(m.batch.raw), 0),
    raw_batch_p50_ms: round(percentile(m.batch.raw.latencies, 50), 3),
    batch_events_per_s: round(rate(m.batch.store), 0),
    batch_p50_ms: round(percentile(m.batch.store.latencies, 50), 3),
    ratio_batch_vs_raw: round(ratioBatch, 3),
    ratio_batch_vs_raw_pooled: round(pooledRatio(m.batch.store, m.batch.raw), 3),

    raw_concurrent_inserts_per_s: round(rate(m.concurrent.raw), 0),
    concurrent_appends_per_s: round(rate(m.concurrent.store), 0),
    ratio_concurrent_vs_raw: round(pairedRatio(m.concurrent.store, m.concurrent.raw), 3),
    raw_notify_in_tx_concurrent_inserts_per_s: round(rate(m.concurrent.rawNotifyInTransaction), 0),
    ratio_notify_in_tx_vs_raw: round(pairedRatio(m.concurrent.rawNotifyInTransaction, m.concurrent.raw), 3),

    read_events: m.read.events,
    read_events_per_s: round(perSecond(m.read.events, m.read.elapsedMs), 0),
    catchup_events_per_s: round(perSecond(m.subscription.catchUp.events, m.subscription.catchUp.elapsedMs), 0),

    subscription_lag_p50_ms: round(percentile(m.subscription.lagFromReturnMs, 50), 3),
    subscription_lag_p99_ms: round(lagP99, 3),
    subscription_lag_max_ms: round(percentile(m.subscription.lagFromReturnMs, 100), 3),
    subscription_lag_from_call_p99_ms: round(percentile(m.subscription.lagFromCallMs, 99), 3),

    peak_rss_mb: round(m.peakRssMb, 1),

    target_single_met: ratioSingle >= MIN_RATIO_VS_RAW,
    target_batch_met: ratioBatch >= MIN_RATIO_VS_RAW,
    target_lag_met: lagP99 < MAX_LAG_P99_MS,
  };
}
