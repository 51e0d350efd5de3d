import { randomIds } from '@tenure/event-sourcing';
import { MemorySampler } from '../measure/memory-sampler';
import { summarize } from '../measure/percentiles';
import { now, sleep } from '../measure/timing';
import { openBenchPostgres } from '../postgres/bench-postgres';
import { formatMs, round } from '../report/format';
import { measureDirectJit } from './jit/direct-jit-baseline';
import { FULL_JIT_PLAN, QUICK_JIT_PLAN, requestersFor, type JitPlan } from './jit/jit-plan';
import { autoApprovedRequests } from './jit/jit-policy';
import { grantTimings, waitForOutcomes, type GrantTiming } from './jit/jit-outcomes';
import type { Scenario, ScenarioOptions } from './scenario';
import { loadConnectorDist } from './services/connector-dist';
import { publishPolicy } from './services/policy-publication';
import { startWorkflowAndConnector, type WorkflowAndConnector } from './services/workflow-and-connector';
import { loadWorkflowDist, type WorkflowDist } from './services/workflow-dist';

export const jitScenario: Scenario = {
  name: 'jit',
  description:
    'Just-in-time access: 1,000 auto-approved requests (100 with --quick) at 10 per second, for 60 s each, over 20 simulated applications (5 ms); request to access and expiry lateness p50/p99 against direct connector calls',
  run: runJitScenario,
};

const TARGET_LATENESS_P99_MS = 2_000;
const HOUR_MS = 3_600_000;
/** Warm-up grants last this long: long enough to be granted first, short enough not to lengthen the run much. */
const WARM_UP_DURATION_MS = 5_000;

/** When a request was made (this machine's wall clock, as the database's timestamps are), by `identityId/applicationId`. */
type CallTimes = Map<string, { readonly calledAt: number; readonly callMs: number }>;

async function runJitScenario({ quick, log }: ScenarioOptions): Promise<Record<string, unknown>> {
  const plan = quick ? QUICK_JIT_PLAN : FULL_JIT_PLAN;
  const dists = { connector: loadConnectorDist(), workflow: loadWorkflowDist() };
  const memory = new MemorySampler();
  const startedAt = new Date();
  const started = now();
  log(`jit benchmark (${plan.name}), ${startedAt.toISOString()}, Node.js ${process.version}`);
  const postgres = await openBenchPostgres();
  let services: WorkflowAndConnector | undefined;
  try {
    log(`server: ${postgres.origin}`);
    services = await startWorkflowAndConnector(dists, postgres.url, {
      applications: plan.applications,
      latencyMs: plan.latencyMs,
      entitlementKeys: ['member'],
      concurrency: plan.concurrency,
    });
    const { store, writer, workflow } = services;
    await publishPolicy(store, randomIds, 1, autoApprovedRequests());
    const requesters = requestersFor(plan);
    for (let n = 0; n < requesters; n++) await writer.hire(`j${n}`);
    await writer.hire('w0');
    await workflow.readModelsCaughtUp(120_000);
    log(
      `${plan.applications} simulated applications, ${plan.latencyMs} ms per call, ${plan.concurrency} operations at once per application; ` +
        `policy: anything requestable, auto-approved, at most 1 hour; ${requesters} requesters`,
    );

    // Warm-up: one request per application, granted and expired, through every part once.
    const warmUp: CallTimes = new Map();
    await issueRequests(dists.workflow, services, ['w0'], plan.applications, 0, WARM_UP_DURATION_MS, warmUp);
    await waitForOutcomes(store.pool, 'w', 'EntitlementGranted', plan.applications, 5 * 60_000);
    await waitForOutcomes(store.pool, 'w', 'EntitlementRevoked', plan.applications, 5 * 60_000);

    const direct = await measureDirectJit(dists.connector, plan, 20);
    const directGrant = summarize(direct.grantMs);
    const directRevoke = summarize(direct.revokeMs);
    log(
      `direct connector calls (baseline): a first grant (look up, create the account, grant) p50 ${formatMs(directGrant.p50)}, ` +
        `a revoke p50 ${formatMs(directRevoke.p50)}`,
    );

    const rssBefore = memory.currentRssMb();
    const calls: CallTimes = new Map();
    const people = Array.from({ length: requesters }, (_, n) => `j${n}`);
    const issueStarted = now();
    await issueRequests(dists.workflow, services, people, plan.requests, plan.windowMs, plan.durationMs, calls);
    const issueMs = now() - issueStarted;
    const callLatency = summarize([...calls.values()].map((call) => call.callMs));
    log(
      `${plan.requests} requests for ${plan.durationMs / 1000} s each issued over ${formatMs(issueMs)}; ` +
        `the request call itself p50 ${formatMs(callLatency.p50)}, p99 ${formatMs(callLatency.p99)}`,
    );
    await waitForOutcomes(store.pool, 'j', 'EntitlementGranted', plan.requests, 10 * 60_000);
    log(`all granted ${formatMs(now() - issueStarted)} after the first request; waiting for the grants to expire`);
    await waitForOutcomes(store.pool, 'j', 'EntitlementRevoked', plan.requests, plan.durationMs + 10 * 60_000);
    log(`all revoked ${formatMs(now() - issueStarted)} after the first request`);

    const timings = await grantTimings(store.pool, 'j');
    const { accessMs, assignedMs, queuedMs, latenessMs, timerLatenessMs, revokeQueuedLatenessMs, notExpired } = measureTimings(
      timings,
      calls,
      plan,
    );
    const timerLateness = summarize(timerLatenessMs);
    const revokeQueuedLateness = summarize(revokeQueuedLatenessMs);
    const access = summarize(accessMs);
    const assigned = summarize(assignedMs);
    const queued = summarize(queuedMs);
    // How fast the workflow turned approvals into assignments, from the first to the last.
    const assignedTimes = timings.map((timing) => timing.assignedAt.getTime());
    const assignedSpanMs = Math.max(...assignedTimes) - Math.min(...assignedTimes);
    const assignmentsPerS = assignedSpanMs > 0 ? ((plan.requests - 1) * 1000) / assignedSpanMs : 0;
    const lateness = summarize(latenessMs);
    log(
      `request to access (the call to the target's acknowledgement): p50 ${formatMs(access.p50)}, p99 ${formatMs(access.p99)}, max ${formatMs(access.max)} ` +
        `(${(access.p50 / directGrant.p50).toFixed(1)}x a direct first grant)`,
    );
    log(
      `of which: request to the workflow's assignment p50 ${formatMs(assigned.p50)}, p99 ${formatMs(assigned.p99)}; ` +
        `to the connector's grant operation p50 ${formatMs(queued.p50)}, p99 ${formatMs(queued.p99)}; ` +
        `approved requests became assignments at ${assignmentsPerS.toFixed(1)}/s (requests arrived at ${((plan.requests * 1000) / plan.windowMs).toFixed(0)}/s)`,
    );
    log(
      `expiry lateness (acknowledgement + ${plan.durationMs / 1000} s to the revoke's acknowledgement): p50 ${formatMs(lateness.p50)}, ` +
        `p99 ${formatMs(lateness.p99)}, max ${formatMs(lateness.max)} (target p99 < ${formatMs(TARGET_LATENESS_P99_MS)}: ` +
        `${lateness.p99 < TARGET_LATENESS_P99_MS ? 'met' : `missed by ${formatMs(lateness.p99 - TARGET_LATENESS_P99_MS)}`}); ` +
        `${notExpired} revoked for another reason than expiry`,
    );
    log(
      `of which: expiry to the workflow's revocation (the timer) p50 ${formatMs(timerLateness.p50)}, p99 ${formatMs(timerLateness.p99)}; ` +
        `to the connector's revoke operation p50 ${formatMs(revokeQueuedLateness.p50)}, p99 ${formatMs(revokeQueuedLateness.p99)}`,
    );
    const peakRssMb = memory.peakRssMb();
    log(`memory: peak ${peakRssMb.toFixed(0)} MB, ${(memory.currentRssMb() - rssBefore).toFixed(0)} MB more than before the requests`);

    return {
      scenario: 'jit',
      plan: plan.name,
      started_at: startedAt.toISOString(),
      duration_s: round((now() - started) / 1000, 1),
      applications: plan.applications,
      target_latency_ms: plan.latencyMs,
      requests: plan.requests,
      request_window_ms: plan.windowMs,
      grant_duration_ms: plan.durationMs,
      access_p50_ms: round(access.p50, 1),
      access_p99_ms: round(access.p99, 1),
      access_max_ms: round(access.max, 1),
      assigned_p50_ms: round(assigned.p50, 1),
      assigned_p99_ms: round(assigned.p99, 1),
      queued_p50_ms: round(queued.p50, 1),
      queued_p99_ms: round(queued.p99, 1),
      assignments_per_s: round(assignmentsPerS, 1),
      expiry_lateness_p50_ms: round(lateness.p50, 1),
      expiry_lateness_p99_ms: round(lateness.p99, 1),
      expiry_lateness_max_ms: round(lateness.max, 1),
      timer_lateness_p50_ms: round(timerLateness.p50, 1),
      timer_lateness_p99_ms: round(timerLateness.p99, 1),
      revoke_queued_lateness_p50_ms: round(revokeQueuedLateness.p50, 1),
      revoke_queued_lateness_p99_ms: round(revokeQueuedLateness.p99, 1),
      request_call_p50_ms: round(callLatency.p50, 1),
      request_call_p99_ms: round(callLatency.p99, 1),
      direct_grant_p50_ms: round(directGrant.p50, 1),
      direct_revoke_p50_ms: round(directRevoke.p50, 1),
      revoked_not_expired: notExpired,
      target_lateness_p99_met: lateness.p99 < TARGET_LATENESS_P99_MS,
      peak_rss_mb: round(peakRssMb, 1),
    };
  } finally {
    memory.stop();
    await services?.stop();
    await postgres.dispose();
  }
}

/**
 * Issues `count` requests at a steady pace over `windowMs`, without waiting for one to return
 * before the next is due: request n is person n div applications asking for application n mod
 * applications. Fails with the first refusal.
 */
async function issueRequests(
  workflowDist: WorkflowDist,
  services: WorkflowAndConnector,
  people: readonly string[],
  count: number,
  windowMs: number,
  durationMs: number,
  calls: CallTimes,
): Promise<void> {
  const applications = services.applicationIds;
  const issued: Promise<void>[] = [];
  const started = now();
  for (let n = 0; n < count; n++) {
    const due = started + (n * windowMs) / count;
    if (due > now()) await sleep(due - now());
    const employeeNumber = people[Math.floor(n / applications.length)]!;
    const applicationId = applications[n % applications.length]!;
    issued.push(
      (async () => {
        const calledAt = Date.now();
        const callStarted = now();
        await services.workflow.requests.requests.request(workflowDist.personCaller(employeeNumber), {
          applicationId,
          entitlementKey: 'member',
          justification: 'benchmark: just-in-time access',
          durationHours: durationMs / HOUR_MS,
        });
        calls.set(`bench-${employeeNumber}/${applicationId}`, { calledAt, callMs: now() - callStarted });
      })(),
    );
  }
  await Promise.all(issued);
}

function measureTimings(
  timings: readonly GrantTiming[],
  calls: CallTimes,
  plan: JitPlan,
): {
  accessMs: number[];
  assignedMs: number[];
  queuedMs: number[];
  latenessMs: number[];
  timerLatenessMs: number[];
  revokeQueuedLatenessMs: number[];
  notExpired: number;
} {
  if (timings.length !== plan.requests) throw new Error(`found ${timings.length} grants for ${plan.requests} requests`);
  const accessMs: number[] = [];
  const assignedMs: number[] = [];
  const queuedMs: number[] = [];
  const latenessMs: number[] = [];
  const timerLatenessMs: number[] = [];
  const revokeQueuedLatenessMs: number[] = [];
  let notExpired = 0;
  for (const timing of timings) {
    const call = calls.get(`${timing.identityId}/${timing.applicationId}`);
    if (!call) throw new Error(`a grant to ${timing.identityId} in ${timing.applicationId} that no request asked for`);
    accessMs.push(timing.grantedAt.getTime() - call.calledAt);
    assignedMs.push(timing.assignedAt.getTime() - call.calledAt);
    queuedMs.push(timing.queuedAt.getTime() - call.calledAt);
    if (timing.revokedAt === null) throw new Error(`${timing.identityId}'s grant in ${timing.applicationId} was never revoked`);
    if (Number.isNaN(timing.validUntil.getTime()))
      throw new Error(`no validUntil recorded for ${timing.identityId} in ${timing.applicationId}`);
    latenessMs.push(timing.revokedAt.getTime() - timing.validUntil.getTime());
    if (timing.expiredAt) timerLatenessMs.push(timing.expiredAt.getTime() - timing.validUntil.getTime());
    if (timing.revokeQueuedAt) revokeQueuedLatenessMs.push(timing.revokeQueuedAt.getTime() - timing.validUntil.getTime());
    if (timing.revocationReason !== 'expired') notExpired++;
  }
  return { accessMs, assignedMs, queuedMs, latenessMs, timerLatenessMs, revokeQueuedLatenessMs, notExpired };
}
