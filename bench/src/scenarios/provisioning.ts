import { randomIds, systemClock } from '@tenure/event-sourcing';
import { migrate, PostgresEventStore } from '@tenure/event-store-postgres';
import { createLogger } from '@tenure/platform';
import { MemorySampler } from '../measure/memory-sampler';
import { summarize } from '../measure/percentiles';
import { now, perSecond, sleep } from '../measure/timing';
import { openBenchPostgres } from '../postgres/bench-postgres';
import { formatMs, formatRate, formatRatio, round } from '../report/format';
import { assignmentToAcknowledgementMs, waitForAcknowledgements } from './provisioning/acknowledgements';
import { loadConnectorDist, type ConnectorRuntimeView } from './services/connector-dist';
import { DesiredStateWriter } from './services/desired-state-events';
import { registerSimulatedApplications } from './services/simulated-applications';
import { measureDirectCalls } from './provisioning/direct-baseline';
import { FULL_PLAN, QUICK_PLAN } from './provisioning/provisioning-plan';
import { measureReconciliation } from './provisioning-reconciliation';
import type { Scenario, ScenarioOptions } from './scenario';

export const provisioningScenario: Scenario = {
  name: 'provisioning',
  description:
    'Provisioning to 20 simulated applications answering in 5 ms: operations/s against direct connector calls, assignment-to-acknowledgement latency (p50/p99); reconciliation of 100,000 accounts (10,000 with --quick)',
  run: runProvisioningScenario,
};

const ACK_TIMEOUT_MS = 15 * 60_000;

async function runProvisioningScenario({ quick, log }: ScenarioOptions): Promise<Record<string, unknown>> {
  const plan = quick ? QUICK_PLAN : FULL_PLAN;
  const dist = loadConnectorDist();
  const memory = new MemorySampler();
  const startedAt = new Date();
  const started = now();
  log(`provisioning benchmark (${plan.name}), ${startedAt.toISOString()}, Node.js ${process.version}`);
  const postgres = await openBenchPostgres();
  const store = new PostgresEventStore({ connectionString: postgres.url, poolSize: 20 });
  let runtime: ConnectorRuntimeView | undefined;
  try {
    log(`server: ${postgres.origin}`);
    await migrate(store.pool);
    runtime = dist.newRuntime({
      store,
      clock: systemClock,
      ids: randomIds,
      logger: createLogger('bench-connector', 'warn'),
      provisioning: (defaults) => ({ ...defaults, worker: true, concurrency: plan.concurrency, pollMs: 100 }),
    });
    await runtime.start();
    const applicationIds = await registerSimulatedApplications(runtime, {
      applications: plan.applications,
      latencyMs: plan.latencyMs,
      entitlementKeys: ['member'],
    });
    const writer = new DesiredStateWriter(store, randomIds);
    log(
      `${plan.applications} simulated applications, ${plan.latencyMs} ms per call, ${plan.concurrency} operations at once per application`,
    );

    // Warm-up: connectors opened, plans cached, JIT compiled.
    await hireAll(writer, 'w', 5, runtime);
    for (let n = 0; n < 5; n++) await writer.assign(`bench-w${n}`, applicationIds, 'member');
    await waitForAcknowledgements(store.pool, 'bench-w', 5 * plan.applications, ACK_TIMEOUT_MS);

    const direct = await measureDirectCalls(dist, plan, plan.burstIdentities);
    const directPerS = perSecond(direct.operations, direct.elapsedMs);
    log(`direct connector calls (baseline): ${direct.operations} grants in ${formatMs(direct.elapsedMs)}: ${formatRate(directPerS)} ops/s`);

    // Throughput: every identity's assignments arrive at once.
    await hireAll(writer, 'b', plan.burstIdentities, runtime);
    const burstOperations = plan.burstIdentities * plan.applications;
    const burstStarted = now();
    for (let n = 0; n < plan.burstIdentities; n++) await writer.assign(`bench-b${n}`, applicationIds, 'member');
    await waitForAcknowledgements(store.pool, 'bench-b', burstOperations, ACK_TIMEOUT_MS);
    const burstMs = now() - burstStarted;
    const operationsPerS = perSecond(burstOperations, burstMs);
    const burstLatency = summarize(await assignmentToAcknowledgementMs(store.pool, 'bench-b'));
    log(
      `engine: ${burstOperations} grants in ${formatMs(burstMs)}: ${formatRate(operationsPerS)} ops/s (${formatRatio(operationsPerS / directPerS)} of direct); ` +
        `assignment to acknowledgement under the burst p50 ${formatMs(burstLatency.p50)}, p99 ${formatMs(burstLatency.p99)}`,
    );

    // Latency: assignments arrive steadily at half the measured throughput, as a working day's would.
    const steadyRate = Math.max(plan.applications, operationsPerS / 2);
    const identitiesPerS = steadyRate / plan.applications;
    const steadyIdentities = Math.max(1, Math.round(identitiesPerS * plan.steadySeconds));
    await hireAll(writer, 's', steadyIdentities, runtime);
    const steadyStarted = now();
    for (let n = 0; n < steadyIdentities; n++) {
      const due = steadyStarted + (n * 1000) / identitiesPerS;
      if (due > now()) await sleep(due - now());
      await writer.assign(`bench-s${n}`, applicationIds, 'member');
    }
    await waitForAcknowledgements(store.pool, 'bench-s', steadyIdentities * plan.applications, ACK_TIMEOUT_MS);
    const steadyLatency = summarize(await assignmentToAcknowledgementMs(store.pool, 'bench-s'));
    log(
      `steady ${formatRate(steadyIdentities * plan.applications)} grants at ${formatRate(steadyRate)}/s: assignment to acknowledgement ` +
        `p50 ${formatMs(steadyLatency.p50)}, p99 ${formatMs(steadyLatency.p99)}, max ${formatMs(steadyLatency.max)}`,
    );
    await runtime.stop();
    runtime = undefined;

    const reconciliation = await measureReconciliation({ store, accounts: plan.reconciliationAccounts, latencyMs: plan.latencyMs, log });
    log(
      `reconciliation: ${formatRate(reconciliation.accounts)} accounts in ${reconciliation.seconds.toFixed(1)} s: ` +
        `${formatRate(reconciliation.accountsPerSecond)} accounts/s, ${reconciliation.driftFound} drifts found`,
    );

    const peakRssMb = memory.peakRssMb();
    log(`peak memory ${peakRssMb.toFixed(0)} MB`);
    return {
      scenario: 'provisioning',
      plan: plan.name,
      started_at: startedAt.toISOString(),
      duration_s: round((now() - started) / 1000, 1),
      applications: plan.applications,
      target_latency_ms: plan.latencyMs,
      concurrency_per_application: plan.concurrency,
      operations: burstOperations,
      operations_per_s: round(operationsPerS, 0),
      direct_operations_per_s: round(directPerS, 0),
      ratio_vs_direct: round(operationsPerS / directPerS, 3),
      burst_ack_p50_ms: round(burstLatency.p50, 1),
      burst_ack_p99_ms: round(burstLatency.p99, 1),
      steady_rate_per_s: round(steadyRate, 0),
      ack_p50_ms: round(steadyLatency.p50, 1),
      ack_p99_ms: round(steadyLatency.p99, 1),
      reconciliation_accounts: reconciliation.accounts,
      reconciliation_s: round(reconciliation.seconds, 2),
      reconciliation_accounts_per_s: round(reconciliation.accountsPerSecond, 0),
      reconciliation_drift_found: reconciliation.driftFound,
      peak_rss_mb: round(peakRssMb, 1),
    };
  } finally {
    memory.stop();
    await runtime?.stop();
    await store.close();
    await postgres.dispose();
  }
}

/** Hires identities `bench-<prefix><n>` and waits until the connector's copy of them is current. */
async function hireAll(writer: DesiredStateWriter, prefix: string, count: number, runtime: ConnectorRuntimeView): Promise<void> {
  for (let n = 0; n < count; n++) await writer.hire(`${prefix}${n}`);
  await runtime.readModelsCaughtUp(120_000);
}
