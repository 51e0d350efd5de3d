import { randomIds, systemClock, type Actor } from '@tenure/event-sourcing';
import type { PostgresEventStore } from '@tenure/event-store-postgres';
import { now, perSecond } from '../measure/timing';
import { loadReconciliationDist, type SimulatedTargetView } from './provisioning-reconciliation/reconciliation-dist';

/** Reconciliation of 100,000 accounts in the full run, 10,000 with --quick. */
export const RECONCILIATION_ACCOUNTS = { full: 100_000, quick: 10_000 } as const;

export interface ReconciliationBenchOptions {
  /** A migrated event store on the benchmark's database. */
  readonly store: PostgresEventStore;
  /** Accounts in the simulated target. */
  readonly accounts: number;
  readonly log: (line: string) => void;
  /** The simulated application's round trip per call (each page of a listing is one call). Default 5 ms. */
  readonly latencyMs?: number;
}

export interface ReconciliationBenchResult {
  readonly accounts: number;
  readonly grants: number;
  /** The run alone, from its start to its completion (not the seeding). */
  readonly seconds: number;
  readonly accountsPerSecond: number;
  readonly driftFound: number;
  /** Resident memory of the process: at its highest during the run, and just before it (the simulated target's 100,000 accounts live in this process too). */
  readonly peakRssMb: number;
  readonly rssBeforeRunMb: number;
  /** What the run itself added at its peak: bounded by pages and batches, whatever the number of accounts. */
  readonly runRssGrowthMb: number;
  /** The JavaScript heap's growth at its peak (garbage not collected yet included). */
  readonly runHeapGrowthMb: number;
  readonly scratchRowsLeft: number;
}

const ADMINISTRATOR: Actor = { kind: 'person', id: 'bench-administrator' };
const ENTITLEMENTS = ['mail', 'chat', 'crm', 'wiki', 'vpn'];
/** One account in a hundred of each kind of drift, so that finding it and recording it is measured too. */
const DRIFT_EVERY = 100;
const SEED_BATCH = 5_000;
const BYTES_PER_MB = 1024 * 1024;

/**
 * Seeds a simulated SaaS target with `accounts` accounts (one grant each) and the matching desired
 * state straight into the connector's read models (bulk SQL), with 1% of each kind of drift
 * (missing grants, grants outside Tenure, orphaned accounts), then reconciles it once and measures
 * the run: accounts per second and the process's memory while it runs.
 */
export async function measureReconciliation(options: ReconciliationBenchOptions): Promise<ReconciliationBenchResult> {
  const { store, accounts, log } = options;
  const dist = loadReconciliationDist();
  const applicationId = `bench-recon-${accounts}`;
  const targetName = `${applicationId}-${Date.now()}`;

  const seeded = now();
  await withClient(store, async (client) => {
    for (const projection of dist.projections) await projection.setup(client);
  });
  const target = dist.openSimulatedTarget(
    targetName,
    ENTITLEMENTS.map((key) => ({ key, displayName: key })),
  );
  await dist.registerSimulatedApplication(
    { store, clock: systemClock, ids: randomIds },
    {
      applicationId,
      settings: {
        application: targetName,
        entitlements: ENTITLEMENTS.map((key) => ({ key, displayName: key })),
        latencyMs: options.latencyMs ?? 5,
      },
    },
    ADMINISTRATOR,
  );
  const grants = seedTarget(target, accounts);
  await seedDesiredState(store, applicationId, accounts);
  log(`  seeded ${accounts} accounts, ${grants} grants and their desired state in ${((now() - seeded) / 1000).toFixed(1)} s`);

  // A clean start when the process allows it (node --expose-gc), so that the growth is the run's.
  (globalThis as { gc?: () => void }).gc?.();
  const rssBefore = process.memoryUsage.rss();
  const heapBefore = process.memoryUsage().heapUsed;
  let peak = rssBefore;
  let peakHeap = heapBefore;
  const sampler = setInterval(() => {
    const usage = process.memoryUsage();
    peak = Math.max(peak, usage.rss);
    peakHeap = Math.max(peakHeap, usage.heapUsed);
  }, 20);
  const started = now();
  let outcome;
  try {
    outcome = await dist.newReconciliationService({ store, clock: systemClock, ids: randomIds }).run(applicationId, {
      trigger: 'administrator',
      actor: ADMINISTRATOR,
    });
  } finally {
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage.rss());
    dist.forgetSimulatedTarget(targetName);
  }
  const elapsedMs = now() - started;
  if (outcome?.status !== 'completed') {
    throw new Error(`the reconciliation of ${applicationId} did not complete: ${JSON.stringify(outcome?.error ?? outcome)}`);
  }
  const driftFound = Object.values(outcome.drift).reduce((sum, count) => sum + count, 0);
  const scratchRowsLeft = await countScratchRows(store, dist.scratchTables);
  const result: ReconciliationBenchResult = {
    accounts,
    grants,
    seconds: round(elapsedMs / 1000, 2),
    accountsPerSecond: Math.round(perSecond(accounts, elapsedMs)),
    driftFound,
    peakRssMb: round(peak / BYTES_PER_MB, 1),
    rssBeforeRunMb: round(rssBefore / BYTES_PER_MB, 1),
    runRssGrowthMb: round((peak - rssBefore) / BYTES_PER_MB, 1),
    runHeapGrowthMb: round((peakHeap - heapBefore) / BYTES_PER_MB, 1),
    scratchRowsLeft,
  };
  log(
    `  reconciled ${accounts} accounts in ${result.seconds} s: ${result.accountsPerSecond} accounts/s, ${driftFound} drift found; ` +
      `RSS ${result.rssBeforeRunMb} MB before, ${result.peakRssMb} MB at the peak (+${result.runRssGrowthMb} MB, heap +${result.runHeapGrowthMb} MB); ` +
      `${scratchRowsLeft} scratch rows left`,
  );
  return result;
}

/**
 * Account i is `bench<i>` of employee `E<i>` with grant `ENTITLEMENTS[i % 5]`, except: i % 100 = 1 has no
 * grant (missing), i % 100 = 2 holds a second one (outside Tenure), i % 100 = 3 has no identity (orphaned).
 */
function seedTarget(target: SimulatedTargetView, accounts: number): number {
  let grants = 0;
  for (let i = 0; i < accounts; i++) {
    const userName = `bench${i}`;
    target.upsertAccount({
      userName,
      givenName: `Given${i}`,
      familyName: `Family${i}`,
      displayName: `Given${i} Family${i}`,
      email: `${userName}@example.com`,
      identityId: `bench-identity-${i}`,
      employeeNumber: i % DRIFT_EVERY === 3 ? '' : `E${i}`,
    });
    if (i % DRIFT_EVERY !== 1) {
      target.grant(userName, ENTITLEMENTS[i % ENTITLEMENTS.length]!);
      grants++;
    }
    if (i % DRIFT_EVERY === 2) {
      target.grant(userName, ENTITLEMENTS[(i + 1) % ENTITLEMENTS.length]!);
      grants++;
    }
  }
  return grants;
}

/** The identities and their assignments, in bulk: generate_series on the server, no event per row. */
async function seedDesiredState(store: PostgresEventStore, applicationId: string, accounts: number): Promise<void> {
  await withClient(store, async (client) => {
    for (let from = 0; from < accounts; from += SEED_BATCH) {
      const to = Math.min(accounts, from + SEED_BATCH) - 1;
      await client.query(
        `INSERT INTO connector_identities (identity_id, employee_number, status, given_name, family_name, email, user_name, snapshot,
           terminated_at, updated_at)
         SELECT 'bench-identity-' || i, 'E' || i, 'active', 'Given' || i, 'Family' || i, 'bench' || i || '@example.com', 'bench' || i,
                '{}'::jsonb, NULL, now() - interval '1 day'
           FROM generate_series($1::int, $2::int) AS i
          WHERE i % $3 <> 3
         ON CONFLICT DO NOTHING`,
        [from, to, DRIFT_EVERY],
      );
      await client.query(
        `INSERT INTO connector_assignments (assignment_id, identity_id, application_id, entitlement_key, source, valid_from, valid_until,
           status, added_at)
         SELECT $4 || '-' || i, 'bench-identity-' || i, $4, ($5::text[])[1 + i % 5], '{"kind":"birthright","reference":"bench","policyVersion":1}',
                now() - interval '1 day', NULL, 'active', now() - interval '1 day'
           FROM generate_series($1::int, $2::int) AS i
          WHERE i % $3 <> 3
         ON CONFLICT DO NOTHING`,
        [from, to, DRIFT_EVERY, applicationId, ENTITLEMENTS],
      );
    }
  });
}

async function countScratchRows(store: PostgresEventStore, tables: readonly string[]): Promise<number> {
  let rows = 0;
  for (const table of tables) {
    const { rows: counted } = await store.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
    rows += counted[0]!.n;
  }
  return rows;
}

async function withClient<T>(store: PostgresEventStore, work: (client: import('pg').PoolClient) => Promise<T>): Promise<T> {
  const client = await store.pool.connect();
  try {
    return await work(client);
  } finally {
    client.release();
  }
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
