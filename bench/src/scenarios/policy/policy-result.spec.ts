import type { ContenderTotals } from '../../measure/interleaved-rounds';
import { buildPolicyResult, type PolicyMeasurements } from './policy-result';

/** Latencies in ms of 100 calls: `slowCalls` at `slow`, the rest at `fast` (p99 is the 99th of them). */
function totals(fast: number, slow: number, slowCalls = 1): ContenderTotals {
  const latencies = [...Array.from({ length: 100 - slowCalls }, () => fast), ...Array.from({ length: slowCalls }, () => slow)];
  const elapsedMs = latencies.reduce((sum, value) => sum + value, 0);
  return { operations: 100, elapsedMs, latencies, roundRates: [(100 * 1000) / elapsedMs] };
}

function measurements(identities: number, simulateMs: number): PolicyMeasurements {
  return {
    plan: identities >= 100_000 ? 'full' : 'quick',
    startedAt: new Date('2030-01-02T03:04:05.000Z'),
    durationMs: 12_345,
    sizes: { birthrightRules: 500, sodRules: 1000, catalog: 3000, accessPolicies: 447, heldAssignments: 200, violationsOfIdentity: 56 },
    validateMs: 75.43,
    compileMs: 34.12,
    evaluate: totals(0.01, 0.05),
    naiveEvaluate: totals(0.2, 0.7),
    sodCheck: totals(0.08, 0.4),
    naiveSodCheck: totals(0.32, 0.6),
    lookupFloor: totals(0.025, 0.06),
    birthright: totals(0.05, 0.12),
    simulation: {
      identities,
      elapsedMs: simulateMs,
      iterationFloorMs: 10,
      firstVersionMs: 9000,
      changedBirthrightRules: 50,
      changedSodRules: 100,
      added: 1,
      removed: 2,
      newViolations: 3,
      affected: 4,
    },
    peakRssMb: 145.81,
  };
}

describe('buildPolicyResult', () => {
  it('reports latencies in microseconds, the speed-up over the naive baseline at the median, and the targets', () => {
    const result = buildPolicyResult(measurements(100_000, 4000));
    expect(result).toMatchObject({
      scenario: 'policy',
      plan: 'full',
      evaluate_p50_us: 10,
      evaluate_p99_us: 10,
      evaluate_max_us: 50,
      naive_evaluate_p50_us: 200,
      evaluate_speedup_vs_naive: 20,
      sod_check_p50_us: 80,
      sod_check_speedup_vs_naive: 4,
      simulate_identities: 100_000,
      simulate_s: 4,
      simulate_100k_s: 4,
      simulate_first_version_s: 9,
      peak_rss_mb: 145.8,
      target_evaluate_met: true,
      target_sod_check_met: true,
      target_simulate_met: true,
    });
    expect(result).not.toHaveProperty('simulate_100k_s_extrapolated');
  });

  it('given a quick run, reports the 100k figure as an extrapolation, never as a measurement', () => {
    const result = buildPolicyResult(measurements(10_000, 400));
    expect(result).toMatchObject({ simulate_identities: 10_000, simulate_s: 0.4, simulate_100k_s: null, simulate_100k_s_extrapolated: 4 });
  });

  it('given a p99 over 1 ms or a simulation over 30 s per 100,000, reports the target as missed', () => {
    const slow = { ...measurements(100_000, 31_000), sodCheck: totals(0.5, 1.5, 2) };
    expect(buildPolicyResult(slow)).toMatchObject({ target_sod_check_met: false, target_simulate_met: false, target_evaluate_met: true });
  });
});
