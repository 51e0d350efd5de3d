import { randomIds } from '@tenure/event-sourcing';
import { migrate, PostgresEventStore } from '@tenure/event-store-postgres';
import { runInterleavedRounds, type Contender, type RoundResult } from '../measure/interleaved-rounds';
import { MemorySampler } from '../measure/memory-sampler';
import { runOpenLoop } from '../measure/open-loop';
import { summarize, type Summary } from '../measure/percentiles';
import { now } from '../measure/timing';
import { openBenchPostgres } from '../postgres/bench-postgres';
import { formatMs, round } from '../report/format';
import { importCompany, registerApplications, waitForBirthright } from './gateway/bench-company';
import { BENCH_ADMIN_TOKEN, BenchPlatform } from './gateway/bench-platform';
import { ACCESS_PAGE_QUERY, DIRECTORY_PAGE_QUERY, type AccessPage, type DirectoryPage } from './gateway/gateway-queries';
import { applicationIdsFor, FULL_GATEWAY_PLAN, QUICK_GATEWAY_PLAN, withRateFromEnv } from './gateway/gateway-plan';
import { postGraphql } from './gateway/graphql-post';
import { birthrightForEveryone } from './leaver/leaver-policy';
import type { Scenario, ScenarioOptions } from './scenario';
import { TestIssuer } from '@tenure/testing';
import { publishPolicy } from './services/policy-publication';

export const gatewayScenario: Scenario = {
  name: 'gateway',
  description:
    'Federation gateway: a directory page from the identity subgraph directly, through the gateway with an API token and with a signed-in person’s access token (RS256, verified at the gateway), and a page spanning identity, workflow and connector through the gateway, 100 requests/s each (open loop) on loopback; p50/p99 and the gateway’s added latency',
  run: runGatewayScenario,
};

const SETUP_TIMEOUT_MS = 5 * 60_000;

interface Measured {
  readonly latencies: number[];
  readonly startLags: number[];
  errors: number;
  firstError?: string;
}

async function runGatewayScenario({ quick, log }: ScenarioOptions): Promise<Record<string, unknown>> {
  const plan = withRateFromEnv(quick ? QUICK_GATEWAY_PLAN : FULL_GATEWAY_PLAN, process.env);
  const memory = new MemorySampler();
  const startedAt = new Date();
  const started = now();
  log(`gateway benchmark (${plan.name}), ${startedAt.toISOString()}, Node.js ${process.version}`);
  const postgres = await openBenchPostgres();
  let platform: BenchPlatform | undefined;
  // A stand-in OpenID provider (RS256 keys published as a JWKS on loopback): what the gateway verifies per request is the same as with Okta or Keycloak.
  const issuer = await TestIssuer.start();
  try {
    log(`server: ${postgres.origin}`);
    const applicationIds = applicationIdsFor(plan);
    await publishBirthright(postgres.url, applicationIds);
    const setupStarted = now();
    platform = await BenchPlatform.startServices(postgres.url);
    const { identity, connector } = platform.services;
    await registerApplications(connector.graphqlUrl, BENCH_ADMIN_TOKEN, applicationIds, ['role-0']);
    await importCompany(identity.graphqlUrl, BENCH_ADMIN_TOKEN, plan.people);
    const gateway = await platform.startGateway(issuer.issuer);
    // An auditor reads the whole directory; the token outlives the run.
    const accessToken = await issuer.token('bench-auditor', { claims: { groups: ['tenure-auditors'] }, expiresIn: 3600 });
    await waitForBirthright(gateway.graphqlUrl, BENCH_ADMIN_TOKEN, plan.people, plan.applications, SETUP_TIMEOUT_MS);
    log(
      `setup: four services and the gateway as their own processes; ${plan.people} people imported, each with ${plan.applications} birthright ` +
        `assignments acknowledged and ${plan.applications} accounts, in ${formatMs(now() - setupStarted)}`,
    );

    const variables = { first: plan.pageSize };
    const directoryPage = (url: string, token: string) => async () => {
      const page = await postGraphql<DirectoryPage>(url, DIRECTORY_PAGE_QUERY, variables, token);
      if (page.identities.edges.length !== plan.pageSize) throw new Error(`a page of ${page.identities.edges.length} identities`);
    };
    const accessPage = async () => {
      const page = await postGraphql<AccessPage>(gateway.graphqlUrl, ACCESS_PAGE_QUERY, variables, BENCH_ADMIN_TOKEN);
      const complete = page.identities.edges.filter(
        ({ node }) => node.assignments.length === plan.applications && node.accounts.length === plan.applications,
      );
      if (complete.length !== plan.pageSize) throw new Error(`${complete.length} of ${plan.pageSize} identities with their access`);
    };
    const queries = [
      { name: 'direct', request: directoryPage(identity.graphqlUrl, BENCH_ADMIN_TOKEN) },
      { name: 'gateway', request: directoryPage(gateway.graphqlUrl, BENCH_ADMIN_TOKEN) },
      { name: 'signed_in', request: directoryPage(gateway.graphqlUrl, accessToken) },
      { name: 'three_subgraphs', request: accessPage },
    ] as const;

    for (const query of queries) {
      const warmUp = await runOpenLoop({ ratePerSecond: plan.ratePerSecond, durationMs: plan.warmUpMs, request: query.request });
      if (warmUp.errors > 0) throw new Error(`${query.name}: ${warmUp.errors} errors while warming up, the first: ${warmUp.firstError}`);
    }
    log(`warm-up: each query ${plan.warmUpMs / 1000} s at ${plan.ratePerSecond} requests/s`);

    const rssBefore = memory.currentRssMb();
    const measured = new Map<string, Measured>(queries.map((query) => [query.name, { latencies: [], startLags: [], errors: 0 }]));
    const contenders: Contender[] = queries.map((query) => ({
      name: query.name,
      async runRound(): Promise<RoundResult> {
        const result = await runOpenLoop({ ratePerSecond: plan.ratePerSecond, durationMs: plan.roundMs, request: query.request });
        const totals = measured.get(query.name)!;
        totals.latencies.push(...result.latencies);
        totals.startLags.push(...result.startLags);
        totals.errors += result.errors;
        totals.firstError ??= result.firstError;
        return { operations: result.requests, elapsedMs: result.elapsedMs, latencies: result.latencies };
      },
    }));
    await runInterleavedRounds(plan.rounds, contenders, (n, results) => {
      const p50s = [...results.entries()].map(([name, result]) => `${name} p50 ${formatMs(summarize(result.latencies ?? [0]).p50)}`);
      log(`round ${n + 1}/${plan.rounds}: ${p50s.join(', ')}`);
    });

    const [direct, throughGateway, signedIn, threeSubgraphs] = queries.map((query) => measured.get(query.name)!) as [
      Measured,
      Measured,
      Measured,
      Measured,
    ];
    const errors = direct.errors + throughGateway.errors + signedIn.errors + threeSubgraphs.errors;
    const summaries = {
      direct: summarizeOrZero(direct.latencies),
      gateway: summarizeOrZero(throughGateway.latencies),
      signedIn: summarizeOrZero(signedIn.latencies),
      threeSubgraphs: summarizeOrZero(threeSubgraphs.latencies),
    };
    const seconds = (plan.rounds * plan.roundMs) / 1000;
    log(
      `each query ${seconds} s at ${plan.ratePerSecond} requests/s, open loop (sent on schedule, not after the previous answer), ` +
        `a page of ${plan.pageSize} identities; latency from sending to the complete answer:`,
    );
    log(`  identity subgraph directly:               ${describe(summaries.direct)}`);
    log(`  the same query through the gateway:       ${describe(summaries.gateway)}`);
    log(`  the same, a signed-in person's JWT:       ${describe(summaries.signedIn)}`);
    log(`  identity + workflow + connector, gateway: ${describe(summaries.threeSubgraphs)}`);
    const addedP50 = summaries.gateway.p50 - summaries.direct.p50;
    const addedP99 = summaries.gateway.p99 - summaries.direct.p99;
    log(`gateway's added latency (through the gateway minus directly): p50 ${formatMs(addedP50)}, p99 ${formatMs(addedP99)}`);
    const authenticationP50 = summaries.signedIn.p50 - summaries.gateway.p50;
    log(`verifying a person's access token and signing their caller token adds: p50 ${formatMs(authenticationP50)}`);
    const lag = summarizeOrZero([...direct.startLags, ...throughGateway.startLags, ...signedIn.startLags, ...threeSubgraphs.startLags]);
    log(
      `client schedule lag (sent after the scheduled moment): p50 ${formatMs(lag.p50)}, p99 ${formatMs(lag.p99)}, max ${formatMs(lag.max)}`,
    );
    const firstError = direct.firstError ?? throughGateway.firstError ?? signedIn.firstError ?? threeSubgraphs.firstError;
    log(`errors: ${errors}${firstError ? ` (the first: ${firstError})` : ''}`);
    const processPeaks = platform.peakRssMb();
    const peakRssMb = memory.peakRssMb();
    log(
      `memory: peak ${Object.entries(processPeaks)
        .map(([name, mb]) => `${name} ${mb === undefined ? '?' : mb.toFixed(0)} MB`)
        .join(
          ', ',
        )}; the benchmark client ${peakRssMb.toFixed(0)} MB (${(memory.currentRssMb() - rssBefore).toFixed(0)} MB more than before measuring)`,
    );
    if (errors > 0) throw new Error(`${errors} requests failed (the first: ${firstError}): the figures above are not valid`);

    return {
      scenario: 'gateway',
      plan: plan.name,
      started_at: startedAt.toISOString(),
      duration_s: round((now() - started) / 1000, 1),
      people: plan.people,
      page_size: plan.pageSize,
      rate_per_s: plan.ratePerSecond,
      seconds_per_query: seconds,
      requests_per_query: summaries.direct.count,
      direct_p50_ms: round(summaries.direct.p50),
      direct_p99_ms: round(summaries.direct.p99),
      gateway_p50_ms: round(summaries.gateway.p50),
      gateway_p99_ms: round(summaries.gateway.p99),
      gateway_added_p50_ms: round(addedP50),
      gateway_added_p99_ms: round(addedP99),
      signed_in_p50_ms: round(summaries.signedIn.p50),
      signed_in_p99_ms: round(summaries.signedIn.p99),
      authentication_added_p50_ms: round(authenticationP50),
      three_subgraphs_p50_ms: round(summaries.threeSubgraphs.p50),
      three_subgraphs_p99_ms: round(summaries.threeSubgraphs.p99),
      client_lag_p99_ms: round(lag.p99),
      errors,
      peak_rss_mb: round(peakRssMb, 1),
      gateway_peak_rss_mb: roundOrNull(processPeaks['gateway']),
      identity_peak_rss_mb: roundOrNull(processPeaks['identity']),
      workflow_peak_rss_mb: roundOrNull(processPeaks['workflow']),
      connector_peak_rss_mb: roundOrNull(processPeaks['connector']),
    };
  } finally {
    memory.stop();
    await platform?.stop();
    await issuer.stop();
    await postgres.dispose();
  }
}

/** The policy everyone's birthright comes from, published before the services start (they read it as they catch up). */
async function publishBirthright(databaseUrl: string, applicationIds: readonly string[]): Promise<void> {
  const store = new PostgresEventStore({ connectionString: databaseUrl, poolSize: 2 });
  try {
    await migrate(store.pool);
    await publishPolicy(store, randomIds, 1, birthrightForEveryone(applicationIds, applicationIds.length));
  } finally {
    await store.close();
  }
}

function summarizeOrZero(samples: readonly number[]): Summary {
  return samples.length > 0 ? summarize(samples) : { count: 0, min: 0, mean: 0, p50: 0, p90: 0, p99: 0, max: 0 };
}

function describe(summary: Summary): string {
  return `p50 ${formatMs(summary.p50)}, p90 ${formatMs(summary.p90)}, p99 ${formatMs(summary.p99)}, max ${formatMs(summary.max)} (${summary.count} requests)`;
}

function roundOrNull(mb: number | undefined): number | null {
  return mb === undefined ? null : round(mb, 1);
}
