import type { ContenderTotals } from '../../measure/interleaved-rounds';
import { percentile } from '../../measure/percentiles';
import { perSecond } from '../../measure/timing';
import { round } from '../../report/format';
import { MAX_DECISION_P99_US, MAX_SIMULATE_100K_S } from './policy-plan';

const FULL_SIMULATION = 100_000;

export interface PolicyMeasurements {
  readonly plan: 'quick' | 'full';
  readonly startedAt: Date;
  readonly durationMs: number;
  readonly sizes: {
    readonly birthrightRules: number;
    readonly sodRules: number;
    readonly catalog: number;
    readonly accessPolicies: number;
    readonly heldAssignments: number;
    readonly violationsOfIdentity: number;
  };
  readonly validateMs: number;
  readonly compileMs: number;
  readonly evaluate: ContenderTotals;
  readonly naiveEvaluate: ContenderTotals;
  readonly sodCheck: ContenderTotals;
  readonly naiveSodCheck: ContenderTotals;
  readonly lookupFloor: ContenderTotals;
  readonly birthright: ContenderTotals;
  readonly simulation: {
    readonly identities: number;
    readonly elapsedMs: number;
    /** Generating the identities and reading their holdings alone: what the simulation costs beyond its own work. */
    readonly iterationFloorMs: number;
    /** The same draft with no current version: nothing is unchanged, everything is evaluated (the worst case). */
    readonly firstVersionMs: number;
    readonly changedBirthrightRules: number;
    readonly changedSodRules: number;
    readonly added: number;
    readonly removed: number;
    readonly newViolations: number;
    readonly affected: number;
  };
  readonly peakRssMb: number;
}

const us = (ms: number) => round(ms * 1000, 1);
const p = (totals: ContenderTotals, rank: number) => us(percentile(totals.latencies, rank));
const rate = (totals: ContenderTotals) => round(perSecond(totals.operations, totals.elapsedMs), 0);
/** How many times slower the baseline is at the median (per-call latencies of the same rounds). */
const speedup = (candidate: ContenderTotals, baseline: ContenderTotals) =>
  round(percentile(baseline.latencies, 50) / percentile(candidate.latencies, 50), 2);

/**
 * The one JSON line the scenario ends with. `simulate_100k_s` is a measurement only in a full run;
 * a quick run simulates fewer identities and reports `simulate_100k_s_extrapolated` (linear) instead.
 */
export function buildPolicyResult(m: PolicyMeasurements): Record<string, string | number | boolean | null> {
  const simulateS = m.simulation.elapsedMs / 1000;
  const measuredFull = m.simulation.identities >= FULL_SIMULATION;
  const per100k = (simulateS * FULL_SIMULATION) / m.simulation.identities;
  const evaluateP99 = percentile(m.evaluate.latencies, 99) * 1000;
  const sodP99 = percentile(m.sodCheck.latencies, 99) * 1000;
  return {
    scenario: 'policy',
    plan: m.plan,
    started_at: m.startedAt.toISOString(),
    duration_s: round(m.durationMs / 1000, 1),

    birthright_rules: m.sizes.birthrightRules,
    sod_rules: m.sizes.sodRules,
    catalog_entitlements: m.sizes.catalog,
    access_policies: m.sizes.accessPolicies,
    held_assignments: m.sizes.heldAssignments,
    violations_of_identity: m.sizes.violationsOfIdentity,
    validate_ms: round(m.validateMs, 1),
    compile_ms: round(m.compileMs, 1),

    evaluate_p50_us: p(m.evaluate, 50),
    evaluate_p99_us: p(m.evaluate, 99),
    evaluate_max_us: p(m.evaluate, 100),
    evaluations_per_s: rate(m.evaluate),
    naive_evaluate_p50_us: p(m.naiveEvaluate, 50),
    naive_evaluate_p99_us: p(m.naiveEvaluate, 99),
    evaluate_speedup_vs_naive: speedup(m.evaluate, m.naiveEvaluate),

    sod_check_p50_us: p(m.sodCheck, 50),
    sod_check_p99_us: p(m.sodCheck, 99),
    sod_check_max_us: p(m.sodCheck, 100),
    sod_checks_per_s: rate(m.sodCheck),
    naive_sod_check_p50_us: p(m.naiveSodCheck, 50),
    naive_sod_check_p99_us: p(m.naiveSodCheck, 99),
    sod_check_speedup_vs_naive: speedup(m.sodCheck, m.naiveSodCheck),
    lookup_floor_p50_us: p(m.lookupFloor, 50),

    birthright_p50_us: p(m.birthright, 50),
    birthright_p99_us: p(m.birthright, 99),

    simulate_identities: m.simulation.identities,
    simulate_s: round(simulateS, 2),
    simulate_100k_s: measuredFull ? round(per100k, 2) : null,
    ...(measuredFull ? {} : { simulate_100k_s_extrapolated: round(per100k, 2) }),
    simulate_identities_per_s: round(perSecond(m.simulation.identities, m.simulation.elapsedMs), 0),
    simulate_iteration_floor_s: round(m.simulation.iterationFloorMs / 1000, 2),
    simulate_first_version_s: round(m.simulation.firstVersionMs / 1000, 2),
    draft_changed_birthright_rules: m.simulation.changedBirthrightRules,
    draft_changed_sod_rules: m.simulation.changedSodRules,
    simulate_added: m.simulation.added,
    simulate_removed: m.simulation.removed,
    simulate_new_violations: m.simulation.newViolations,
    simulate_affected: m.simulation.affected,

    peak_rss_mb: round(m.peakRssMb, 1),
    target_evaluate_met: evaluateP99 < MAX_DECISION_P99_US,
    target_sod_check_met: sodP99 < MAX_DECISION_P99_US,
    // Judged on the extrapolation in a quick run: a smoke check, the full run decides.
    target_simulate_met: per100k < MAX_SIMULATE_100K_S,
  };
}
