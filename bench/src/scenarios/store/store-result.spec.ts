import type { ContenderTotals } from '../../measure/interleaved-rounds';
import { buildStoreResult, pairedRatio, pooledRatio, type StoreMeasurements } from './store-result';

/** Totals of one contender whose rounds all ran at the same rate. */
function totals(operations: number, elapsedMs: number, latencies: number[] = [1]): ContenderTotals {
  const rate = (operations * 1000) / elapsedMs;
  return { operations, elapsedMs, latencies, roundRates: [rate, rate, rate] };
}

const measurements: StoreMeasurements = {
  plan: 'quick',
  startedAt: new Date('2030-01-02T03:04:05.000Z'),
  durationMs: 12_345,
  postgres: 'PostgreSQL 18.0',
  single: { raw: totals(1000, 1000, [1, 2, 3, 4]), store: totals(800, 1000, [2, 3, 4, 10]) },
  batch: { raw: totals(10_000, 1000), store: totals(6_000, 1000) },
  concurrent: { raw: totals(4000, 1000), store: totals(3000, 1000), rawNotifyInTransaction: totals(1000, 1000) },
  read: { events: 50_000, pages: 50, elapsedMs: 2000 },
  subscription: { catchUp: { events: 50_000, elapsedMs: 5000 }, lagFromReturnMs: [1, 2, 3, 60], lagFromCallMs: [2, 3, 4, 61], appended: 4 },
  peakRssMb: 123.456,
};

describe('pairedRatio', () => {
  it('is the median of the per-round ratios, so one disturbed round does not move it', () => {
    const raw: ContenderTotals = { operations: 0, elapsedMs: 0, latencies: [], roundRates: [1000, 400, 1000] };
    const store: ContenderTotals = { operations: 0, elapsedMs: 0, latencies: [], roundRates: [800, 400, 700] };
    expect(pairedRatio(store, raw)).toBe(0.8);
  });

  it('differs from the pooled ratio, which weighs slow rounds by their length', () => {
    const raw: ContenderTotals = { operations: 300, elapsedMs: 1500, latencies: [], roundRates: [1000, 100, 1000] };
    const store: ContenderTotals = { operations: 300, elapsedMs: 1750, latencies: [], roundRates: [500, 100, 500] };
    expect(pairedRatio(store, raw)).toBe(0.5);
    expect(pooledRatio(store, raw)).toBeCloseTo(1500 / 1750);
  });
});

describe('buildStoreResult', () => {
  const result = buildStoreResult(measurements);

  it('carries every key the issue asks for', () => {
    for (const key of [
      'scenario',
      'append_p50_ms',
      'append_p99_ms',
      'appends_per_s',
      'concurrent_appends_per_s',
      'batch_events_per_s',
      'read_events_per_s',
      'subscription_lag_p50_ms',
      'subscription_lag_p99_ms',
      'peak_rss_mb',
      'ratio_single_vs_raw',
      'ratio_batch_vs_raw',
    ]) {
      expect(result).toHaveProperty(key);
    }
    expect(result['scenario']).toBe('store');
  });

  it('computes throughput ratios as store over raw and judges them against the targets', () => {
    expect(result['ratio_single_vs_raw']).toBe(0.8);
    expect(result['ratio_batch_vs_raw']).toBe(0.6);
    expect(result['ratio_concurrent_vs_raw']).toBe(0.75);
    expect(result['ratio_notify_in_tx_vs_raw']).toBe(0.25);
    expect(result['target_single_met']).toBe(true);
    expect(result['target_batch_met']).toBe(false);
  });

  it('reports rates per second and lag percentiles from the samples', () => {
    expect(result['appends_per_s']).toBe(800);
    expect(result['read_events_per_s']).toBe(25_000);
    expect(result['catchup_events_per_s']).toBe(10_000);
    expect(result['append_p50_ms']).toBe(3);
    expect(result['subscription_lag_p50_ms']).toBe(2);
    expect(result['subscription_lag_p99_ms']).toBe(60);
    expect(result['target_lag_met']).toBe(false);
    expect(result['peak_rss_mb']).toBe(123.5);
  });

  it('serialises to one line of JSON', () => {
    expect(JSON.stringify(result)).not.toContain('\n');
  });
});
