import { randomIds } from '@tenure/event-sourcing';
import { MemorySampler } from '../measure/memory-sampler';
import { summarize } from '../measure/percentiles';
import { now, perSecond, sleep } from '../measure/timing';
import { ActivitySampler } from '../postgres/activity-sampler';
import { openBenchPostgres } from '../postgres/bench-postgres';
import { formatMs, formatRate, round } from '../report/format';
import { measureDirectLeavers } from './leaver/direct-leaver-baseline';
import { entitlementKeysFor, FULL_LEAVER_PLAN, operationsPerLeaver, QUICK_LEAVER_PLAN, type LeaverPlan } from './leaver/leaver-plan';
import { birthrightForEveryone } from './leaver/leaver-policy';
import { leaverTimings, waitForGrants, waitForLeavers } from './leaver/leaver-outcomes';
import type { Scenario, ScenarioOptions } from './scenario';
import { loadConnectorDist } from './services/connector-dist';
import { publishPolicy } from './services/policy-publication';
import { startWorkflowAndConnector, type WorkflowAndConnector } from './services/workflow-and-connector';
import { loadWorkflowDist } from './services/workflow-dist';

export const leaverScenario: Scenario = {
  name: 'leaver',
  description:
    'Leaver kill switch: 200 identities (50 with --quick) holding 30 assignments over 20 simulated applications (5 ms) terminated one after another; termination to last acknowledgement p50/p99 against direct connector calls',
  run: runLeaverScenario,
};

const TIMEOUT_MS = 15 * 60_000;
const TARGET_P99_MS = 2_000;

async function runLeaverScenario({ quick, log }: ScenarioOptions): Promise<Record<string, unknown>> {
  const plan = quick ? QUICK_LEAVER_PLAN : FULL_LEAVER_PLAN;
  const dists = { connector: loadConnectorDist(), workflow: loadWorkflowDist() };
  const memory = new MemorySampler();
  const startedAt = new Date();
  const started = now();
  log(`leaver benchmark (${plan.name}), ${startedAt.toISOString()}, Node.js ${process.version}`);
  const postgres = await openBenchPostgres();
  let services: WorkflowAndConnector | undefined;
  try {
    log(`server: ${postgres.origin}`);
    services = await startWorkflowAndConnector(dists, postgres.url, {
      applications: plan.applications,
      latencyMs: plan.latencyMs,
      entitlementKeys: entitlementKeysFor(plan),
      concurrency: plan.concurrency,
    });
    const { store, writer, workflow } = services;
    await publishPolicy(store, randomIds, 1, birthrightForEveryone(services.applicationIds, plan.assignmentsPerIdentity));
    await workflow.readModelsCaughtUp(60_000);
    const perLeaver = operationsPerLeaver(plan);
    log(
      `${plan.applications} simulated applications, ${plan.latencyMs} ms per call, ${plan.concurrency} operations at once per application; ` +
        `birthright of ${plan.assignmentsPerIdentity} entitlements for everyone: a leaver is ${perLeaver} operations ` +
        `(${plan.assignmentsPerIdentity} revokes, ${perLeaver - plan.assignmentsPerIdentity} disables)`,
    );

    // Warm-up: joiners and leavers through both services once (connections, plans, JIT).
    await hireAndWait(services, 'w', plan.warmUpLeavers, plan);
    for (let n = 0; n < plan.warmUpLeavers; n++) await writer.terminate(`w${n}`);
    await waitForLeavers(store.pool, 'w', plan.warmUpLeavers, perLeaver, TIMEOUT_MS);

    const direct = await measureDirectLeavers(dists.connector, plan, 5);
    const backToBack = summarize(direct.backToBackMs);
    const perApplication = summarize(direct.perApplicationMs);
    log(
      `direct connector calls (baseline), one leaver's ${perLeaver} calls: back to back p50 ${formatMs(backToBack.p50)}; ` +
        `each application's calls in order, applications at once, p50 ${formatMs(perApplication.p50)}`,
    );

    // The leavers-to-be join: birthright assigned by the workflow, granted by the connector, all acknowledged before measuring.
    const setupStarted = now();
    for (let first = 0; first < plan.leavers; first += plan.hireBatch) {
      await hireAndWait(services, 'l', Math.min(plan.hireBatch, plan.leavers - first), plan, first);
    }
    const setupMs = now() - setupStarted;
    const grants = plan.leavers * plan.assignmentsPerIdentity;
    log(
      `joiners: ${plan.leavers} identities, ${grants} grants acknowledged in ${formatMs(setupMs)} (${formatRate(perSecond(grants, setupMs))} grants/s)`,
    );

    // Terminations arrive at a steady pace, not waiting for the previous leaver to finish.
    const rssBefore = memory.currentRssMb();
    // BENCH_ACTIVITY=1: what the database is busy with while the leavers run (a diagnosis, it costs a little).
    const activity = process.env['BENCH_ACTIVITY'] === '1' ? new ActivitySampler(store.pool) : undefined;
    const measureStarted = now();
    for (let n = 0; n < plan.leavers; n++) {
      const due = measureStarted + n * plan.intervalMs;
      if (due > now()) await sleep(due - now());
      await writer.terminate(`l${n}`);
    }
    const terminationsMs = now() - measureStarted;
    await waitForLeavers(store.pool, 'l', plan.leavers, perLeaver, TIMEOUT_MS);
    const measureMs = now() - measureStarted;
    if (activity) log(`database activity while measuring (share of 200 ms samples):\n${activity.stop().join('\n')}`);
    const timings = await leaverTimings(store.pool, 'l');
    if (timings.length !== plan.leavers) throw new Error(`timed ${timings.length} of ${plan.leavers} leavers`);
    const revoke = summarize(timings.map((timing) => timing.revokeMs));
    const workflowReaction = summarize(timings.map((timing) => timing.workflowMs));
    const planned = summarize(timings.map((timing) => timing.plannedMs));
    const failed = timings.reduce((sum, timing) => sum + timing.failed, 0);
    const operations = plan.leavers * perLeaver;
    log(
      `${plan.leavers} terminations, one every ${plan.intervalMs} ms (${formatMs(terminationsMs)}), ${operations} operations; ` +
        `all acknowledged ${formatMs(measureMs)} after the first (${formatRate(perSecond(operations, measureMs))} operations/s), ${failed} failed`,
    );
    log(
      `termination to the workflow's last revocation: p50 ${formatMs(workflowReaction.p50)}, p99 ${formatMs(workflowReaction.p99)}, max ${formatMs(workflowReaction.max)}`,
    );
    log(
      `termination to the connector's last operation requested: p50 ${formatMs(planned.p50)}, p99 ${formatMs(planned.p99)}, max ${formatMs(planned.max)}`,
    );
    log(
      `termination to last acknowledgement (time to revoke): p50 ${formatMs(revoke.p50)}, p99 ${formatMs(revoke.p99)}, max ${formatMs(revoke.max)} ` +
        `(target p99 < ${formatMs(TARGET_P99_MS)}: ${revoke.p99 < TARGET_P99_MS ? 'met' : `missed by ${formatMs(revoke.p99 - TARGET_P99_MS)}`}); ` +
        `${(revoke.p50 / backToBack.p50).toFixed(1)}x the direct back-to-back calls`,
    );
    const peakRssMb = memory.peakRssMb();
    log(`memory: peak ${peakRssMb.toFixed(0)} MB, ${(memory.currentRssMb() - rssBefore).toFixed(0)} MB more than before the terminations`);

    return {
      scenario: 'leaver',
      plan: plan.name,
      started_at: startedAt.toISOString(),
      duration_s: round((now() - started) / 1000, 1),
      applications: plan.applications,
      target_latency_ms: plan.latencyMs,
      concurrency_per_application: plan.concurrency,
      assignments_per_identity: plan.assignmentsPerIdentity,
      leavers: plan.leavers,
      termination_interval_ms: plan.intervalMs,
      operations,
      operations_failed: failed,
      revoke_p50_ms: round(revoke.p50, 1),
      revoke_p99_ms: round(revoke.p99, 1),
      revoke_max_ms: round(revoke.max, 1),
      workflow_revoked_p50_ms: round(workflowReaction.p50, 1),
      workflow_revoked_p99_ms: round(workflowReaction.p99, 1),
      planned_p50_ms: round(planned.p50, 1),
      planned_p99_ms: round(planned.p99, 1),
      operations_per_s: round(perSecond(operations, measureMs), 0),
      direct_back_to_back_p50_ms: round(backToBack.p50, 1),
      direct_per_application_p50_ms: round(perApplication.p50, 1),
      setup_grants_per_s: round(perSecond(grants, setupMs), 0),
      target_p99_met: revoke.p99 < TARGET_P99_MS,
      peak_rss_mb: round(peakRssMb, 1),
    };
  } finally {
    memory.stop();
    await services?.stop();
    await postgres.dispose();
  }
}

/** Hires `bench-<prefix><first>`... and waits until the connector acknowledged all their birthright grants. */
async function hireAndWait(services: WorkflowAndConnector, prefix: string, count: number, plan: LeaverPlan, first = 0): Promise<void> {
  for (let n = first; n < first + count; n++) await services.writer.hire(`${prefix}${n}`);
  await waitForGrants(services.store.pool, prefix, (first + count) * plan.assignmentsPerIdentity, TIMEOUT_MS);
}
