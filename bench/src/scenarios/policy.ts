import {
  checkSod,
  compilePolicy,
  entitlementKey,
  evaluateRequest,
  simulateDraft,
  validatePolicySet,
  birthrightFor,
  type CompiledPolicy,
  type PolicySet,
} from '@tenure/policy-decisions';
import { runInterleavedRounds, type ContenderTotals } from '../measure/interleaved-rounds';
import { MemorySampler } from '../measure/memory-sampler';
import { summarize } from '../measure/percentiles';
import { now, perSecond } from '../measure/timing';
import { formatRate } from '../report/format';
import { BENCH_NOW, decisionWorkload } from './policy/decision-workload';
import { generateDraft } from './policy/generate-draft';
import { generatePolicy } from './policy/generate-policy';
import { lookupFloor, naiveRequestCheck, naiveSodCheck } from './policy/naive-baseline';
import { company, personAt } from './policy/organisation';
import { FULL_PLAN, MAX_DECISION_P99_US, MAX_SIMULATE_100K_S, QUICK_PLAN } from './policy/policy-plan';
import { buildPolicyResult } from './policy/policy-result';
import { simulationWorkload } from './policy/simulation-workload';
import { sink, timedContender, warmUp } from './policy/timed-loop';
import type { Scenario, ScenarioOptions } from './scenario';

export const policyScenario: Scenario = {
  name: 'policy',
  description:
    'Policy decisions: request evaluation and SoD check (500 birthright, 1,000 SoD rules, 200 assignments) against naive scans; draft simulation over 100,000 identities (10,000 with --quick)',
  run: runPolicyScenario,
};

async function runPolicyScenario({ quick, log }: ScenarioOptions): Promise<Record<string, unknown>> {
  const plan = quick ? QUICK_PLAN : FULL_PLAN;
  const memory = new MemorySampler();
  const startedAt = new Date();
  const started = now();
  try {
    log(`policy benchmark (${plan.name}), ${startedAt.toISOString()}, Node.js ${process.version}`);

    const generated = generatePolicy(plan);
    const { policy } = generated;
    log(
      `generated: ${policy.birthrightRules.length} birthright rules, ${policy.sodRules.length} SoD rules, ${policy.roles.length} roles, ` +
        `${policy.accessPolicies.length} access policies, ${policy.approverGroups.length} approver groups over ${generated.catalog.length} entitlements in ${plan.applications} applications`,
    );
    let phase = now();
    const validation = validatePolicySet(policy);
    const validateMs = now() - phase;
    if (!validation.ok)
      throw new Error(
        `the generated policy is invalid: ${validation.problems
          .slice(0, 3)
          .map((p) => p.message)
          .join('; ')}`,
      );
    phase = now();
    const current = compile(validation.policy, 1);
    const compileMs = now() - phase;
    log(`validatePolicySet: ${validateMs.toFixed(1)} ms; compilePolicy: ${compileMs.toFixed(1)} ms (once per published version)`);

    const workload = decisionWorkload(current, generated.catalog, plan.heldAssignments);
    const violations = checkSod(current, workload.subject, workload.held, workload.exceptions, BENCH_NOW).violations;
    log(
      `identity ${workload.subject.employeeNumber} (${workload.subject.department}, ${workload.subject.title}): ${workload.held.length} assignments ` +
        `(${workload.birthrightCount} birthright), ${violations.length} SoD violations (${violations.filter((v) => v.blocking).length} blocking, ${workload.exceptions.length} waived by exceptions)`,
    );
    crossCheck(current, policy, workload);
    const sample = workload.requests.map((request) => evaluateRequest(current, request));
    log(
      `requests: ${workload.requests.length} different entitlements cycled; ${sample.filter((d) => d.allowed).length} allowed, ` +
        `${sample.filter((d) => d.autoApproved).length} auto-approved, ${sample.filter((d) => d.sodConflicts.some((v) => v.blocking)).length} refused for SoD`,
    );

    const { requests, subject, held, exceptions } = workload;
    const evaluate = (call: number) => (evaluateRequest(current, requests[call % requests.length]!).allowed ? 1 : 0);
    const naiveEvaluate = (call: number) => {
      const request = requests[call % requests.length]!;
      return naiveRequestCheck(current, policy.accessPolicies, held, request.entitlement).conflicts.length;
    };
    const sodCheck = () => checkSod(current, subject, held, exceptions, BENCH_NOW).violations.length;
    const naiveSod = () => naiveSodCheck(current, held).length;
    const floor = () => lookupFloor(current, held);
    const birthrightPeople = Array.from({ length: 1000 }, (_, i) => personAt(i * 97));
    const birthright = (call: number) => birthrightFor(current, birthrightPeople[call % birthrightPeople.length]!).entitlements.length;

    for (const work of [evaluate, naiveEvaluate, sodCheck, naiveSod, floor, birthright]) warmUp(plan.warmupCalls, work);
    const perRound = Math.ceil(plan.timedCalls / plan.rounds);
    log(`timing: ${plan.warmupCalls} untimed calls each, then ${plan.rounds} interleaved rounds of ${perRound} timed calls per contender`);

    const requestTotals = await runInterleavedRounds(plan.rounds, [
      timedContender('evaluateRequest', perRound, evaluate),
      timedContender('naive', perRound, naiveEvaluate),
    ]);
    const evaluateTotals = requestTotals.get('evaluateRequest')!;
    const naiveEvaluateTotals = requestTotals.get('naive')!;
    log('request evaluation (policy lookup, conditions, duration, approval chain, auto-approval, SoD of the grant, reasons):');
    log(`  evaluateRequest: ${describe(evaluateTotals)} ${verdict(evaluateTotals)}`);
    log(`  naive baseline:  ${describe(naiveEvaluateTotals)} (scans all access policies and all SoD rules; returns rule ids only)`);

    const sodTotals = await runInterleavedRounds(plan.rounds, [
      timedContender('checkSod', perRound, sodCheck),
      timedContender('naive', perRound, naiveSod),
      timedContender('floor', perRound, floor),
    ]);
    const sodCheckTotals = sodTotals.get('checkSod')!;
    log(
      `full SoD check of ${held.length} assignments against ${policy.sodRules.length} rules (${violations.length} violations explained):`,
    );
    log(`  checkSod:           ${describe(sodCheckTotals)} ${verdict(sodCheckTotals)}`);
    log(`  naive baseline:     ${describe(sodTotals.get('naive')!)} (checks every rule, no index by entitlement; returns rule ids only)`);
    log(`  lookup floor:       ${describe(sodTotals.get('floor')!)} (one key and one Map lookup per assignment, nothing else)`);

    const birthrightTotals = (await runInterleavedRounds(plan.rounds, [timedContender('birthright', perRound, birthright)])).get(
      'birthright',
    )!;
    log(`birthrightFor (1,000 different people, ${policy.birthrightRules.length} rules, with reasons): ${describe(birthrightTotals)}`);

    const draft = generateDraft(generated, plan.draftChangeShare);
    const draftValidation = validatePolicySet(draft.policy);
    if (!draftValidation.ok) throw new Error(`the generated draft is invalid: ${draftValidation.problems[0]!.message}`);
    const compiledDraft = compile(draftValidation.policy, 2);
    const simulation = simulationWorkload(current, plan.simulatedIdentities, generated.birthrightPool);
    log(
      `simulation: draft with ${draft.changedBirthrightRules} birthright and ${draft.changedSodRules} SoD rules changed, over ${plan.simulatedIdentities.toLocaleString('en-US')} identities ` +
        `(holdings prepared in ${(simulation.prepareMs / 1000).toFixed(1)} s, untimed: ${simulation.averageHeld.toFixed(1)} entitlements each on average)`,
    );
    phase = now();
    let iterated = 0;
    for (const person of company(plan.simulatedIdentities)) iterated += simulation.heldOf(person.identityId).length;
    const iterationFloorMs = now() - phase;
    memory.sample();
    phase = now();
    const result = simulateDraft({
      current,
      draft: compiledDraft,
      subjects: company(plan.simulatedIdentities),
      heldOf: simulation.heldOf,
      exceptionsOf: simulation.exceptionsOf,
      now: BENCH_NOW,
    });
    const simulateMs = now() - phase;
    const per100kS = (simulateMs / 1000) * (100_000 / plan.simulatedIdentities);
    log(
      `  ${result.identities.toLocaleString('en-US')} identities (terminated skipped) in ${(simulateMs / 1000).toFixed(2)} s: ${formatRate(perSecond(result.identities, simulateMs))} identities/s; ` +
        `${result.added} added, ${result.removed} removed, ${result.newViolations} new violations, ${result.affected.length} identities affected, ${result.perRule.length} rules with an effect`,
    );
    phase = now();
    const firstVersion = simulateDraft({
      current: null,
      draft: compiledDraft,
      subjects: company(plan.simulatedIdentities),
      heldOf: simulation.heldOf,
      exceptionsOf: simulation.exceptionsOf,
      now: BENCH_NOW,
    });
    const firstVersionMs = now() - phase;
    log(
      `  worst case, the same draft as a first version (no current policy: every rule is new and evaluated): ${(firstVersionMs / 1000).toFixed(2)} s, ` +
        `${firstVersion.added} added, ${firstVersion.newViolations} new violations`,
    );
    log(
      `  generating the identities and reading their holdings alone: ${(iterationFloorMs / 1000).toFixed(2)} s (${iterated} holdings read)`,
    );
    log(
      plan.simulatedIdentities >= 100_000
        ? `  100,000 identities: ${per100kS.toFixed(2)} s ${per100kS < MAX_SIMULATE_100K_S ? 'target met' : 'target MISSED'} (< ${MAX_SIMULATE_100K_S} s)`
        : `  extrapolated linearly to 100,000 identities: ${per100kS.toFixed(2)} s (not measured: run without --quick for the figure)`,
    );

    const peakRssMb = memory.peakRssMb();
    log(`peak memory of this process (RSS): ${peakRssMb.toFixed(1)} MB (checksum ${sink})`);
    return buildPolicyResult({
      plan: plan.name,
      startedAt,
      durationMs: now() - started,
      sizes: {
        birthrightRules: policy.birthrightRules.length,
        sodRules: policy.sodRules.length,
        catalog: generated.catalog.length,
        accessPolicies: policy.accessPolicies.length,
        heldAssignments: held.length,
        violationsOfIdentity: violations.length,
      },
      validateMs,
      compileMs,
      evaluate: evaluateTotals,
      naiveEvaluate: naiveEvaluateTotals,
      sodCheck: sodCheckTotals,
      naiveSodCheck: sodTotals.get('naive')!,
      lookupFloor: sodTotals.get('floor')!,
      birthright: birthrightTotals,
      simulation: {
        identities: plan.simulatedIdentities,
        elapsedMs: simulateMs,
        iterationFloorMs,
        firstVersionMs,
        changedBirthrightRules: draft.changedBirthrightRules,
        changedSodRules: draft.changedSodRules,
        added: result.added,
        removed: result.removed,
        newViolations: result.newViolations,
        affected: result.affected.length,
      },
      peakRssMb,
    });
  } finally {
    memory.stop();
  }
}

function compile(policy: PolicySet, version: number): CompiledPolicy {
  return compilePolicy({ version, publishedAt: BENCH_NOW, publishedBy: 'bench', note: '', policy });
}

/** The baseline must answer the same question, or the comparison means nothing: checked before timing. */
function crossCheck(current: CompiledPolicy, policy: PolicySet, workload: ReturnType<typeof decisionWorkload>): void {
  const indexed = checkSod(current, workload.subject, workload.held, workload.exceptions, BENCH_NOW).violations.map((v) => v.ruleId);
  const naive = naiveSodCheck(current, workload.held);
  if (indexed.join() !== naive.join()) throw new Error(`checkSod and the naive scan disagree: ${indexed.join()} / ${naive.join()}`);
  for (const request of workload.requests) {
    const decision = evaluateRequest(current, request);
    const scanned = naiveRequestCheck(current, policy.accessPolicies, workload.held, request.entitlement);
    if (decision.policyId !== scanned.policyId || decision.sodConflicts.map((v) => v.ruleId).join() !== scanned.conflicts.join()) {
      throw new Error(`evaluateRequest and the naive scan disagree on ${entitlementKey(request.entitlement)}`);
    }
  }
}

function describe(totals: ContenderTotals): string {
  const s = summarize(totals.latencies);
  const us = (ms: number) => `${(ms * 1000).toFixed(1)} µs`;
  return `p50 ${us(s.p50)}, p99 ${us(s.p99)}, max ${us(s.max)}, ${formatRate(perSecond(totals.operations, totals.elapsedMs))}/s`;
}

function verdict(totals: ContenderTotals): string {
  const p99Us = summarize(totals.latencies).p99 * 1000;
  return p99Us < MAX_DECISION_P99_US ? `(p99 target < ${MAX_DECISION_P99_US} µs: met)` : `(p99 target < ${MAX_DECISION_P99_US} µs: MISSED)`;
}
