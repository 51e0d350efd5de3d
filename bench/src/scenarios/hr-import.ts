import { randomIds, systemClock, type Actor } from '@tenure/event-sourcing';
import { migrate, PostgresEventStore, startProjection } from '@tenure/event-store-postgres';
import { Pool } from 'pg';
import { MemorySampler } from '../measure/memory-sampler';
import { now, perSecond } from '../measure/timing';
import { openBenchPostgres } from '../postgres/bench-postgres';
import { formatRate, formatRatio } from '../report/format';
import { generateCompany, nextMonth } from './hr-import/generate-people';
import { FULL_PLAN, MIN_IDENTITIES_PER_S, QUICK_PLAN } from './hr-import/hr-import-plan';
import { buildHrImportResult } from './hr-import/hr-import-result';
import { loadIdentityDist, type HrImportOutcomeView } from './hr-import/identity-dist';
import { measureRawBulkInsert } from './hr-import/raw-baseline';
import type { Scenario, ScenarioOptions } from './scenario';

export const hrImportScenario: Scenario = {
  name: 'hr-import',
  description: 'HR CSV import of 100,000 people (10,000 with --quick), then 5% movers and 1% leavers, against raw bulk INSERTs',
  run: runHrImportScenario,
};

const ADMINISTRATOR: Actor = { kind: 'person', id: 'bench-administrator' };
/** The directory of 100,000 identities takes a while to catch up on this machine. */
const CATCH_UP_TIMEOUT_MS = 30 * 60_000;

async function runHrImportScenario({ quick, log }: ScenarioOptions): Promise<Record<string, unknown>> {
  const plan = quick ? QUICK_PLAN : FULL_PLAN;
  const identity = loadIdentityDist();
  const memory = new MemorySampler();
  const startedAt = new Date();
  const started = now();
  log(`hr-import benchmark (${plan.name}), ${startedAt.toISOString()}`);

  let generated = now();
  const company = generateCompany(plan.people);
  const firstFile = identity.writeHrCsv(company);
  const changed = nextMonth(company);
  const secondFile = identity.writeHrCsv(changed.people);
  const generateMs = now() - generated;
  log(
    `generated ${plan.people} people (${(firstFile.length / 1e6).toFixed(1)} MB) and next month's file: ${changed.movers} movers, ${changed.leavers} leavers, in ${(generateMs / 1000).toFixed(1)} s`,
  );

  const postgres = await openBenchPostgres();
  const rawPool = new Pool({ connectionString: postgres.url, max: 2 });
  rawPool.on('error', () => undefined);
  const store = new PostgresEventStore({ connectionString: postgres.url, poolSize: 20 });
  try {
    log(`server: ${postgres.origin}`);
    const { rows } = await rawPool.query<{ server_version: string }>('SHOW server_version');
    const serverVersion = `PostgreSQL ${rows[0]!.server_version}`;
    await migrate(store.pool);
    const directory = await startProjection({
      pool: store.pool,
      notifier: store.wakeups,
      projection: identity.identityDirectoryProjection,
    });
    // As in the service: the import waits for every identity read model, the feed guard's too.
    const feedGuard = await startProjection({ pool: store.pool, notifier: store.wakeups, projection: identity.feedGuardProjection });
    const directoryCaughtUp = async () => {
      await Promise.all([directory.waitUntilCaughtUp(CATCH_UP_TIMEOUT_MS), feedGuard.waitUntilCaughtUp(CATCH_UP_TIMEOUT_MS)]);
    };
    const service = identity.newHrImportService({ store, pool: store.pool, clock: systemClock, ids: randomIds, directoryCaughtUp });

    log(`raw baseline: the same ${plan.people} rows bulk-inserted (multi-row INSERTs of ${plan.rawBatchSize}) into a plain table:`);
    const raw = await measureRawBulkInsert(rawPool, company, plan.rawBatchSize);
    const rawPerS = perSecond(raw.rows, raw.elapsedMs);
    log(`  ${formatRate(rawPerS)} rows/s (${(raw.elapsedMs / 1000).toFixed(2)} s)`);

    log(`first file: ${plan.people} hires into an empty directory:`);
    generated = now();
    const first = await service.importCsv({ fileName: 'hr-month-1.csv', content: firstFile, complete: true, actor: ADMINISTRATOR });
    const importMs = now() - generated;
    expectStatus(first, 'applied');
    const caughtUpStarted = now();
    await directoryCaughtUp();
    const directoryLagMs = now() - caughtUpStarted;
    const identitiesPerS = perSecond(first.counts.hires, importMs);
    log(
      `  ${first.counts.hires} hires, ${first.counts.failed} failed, in ${(importMs / 1000).toFixed(1)} s: ${formatRate(identitiesPerS)} identities/s ${identitiesPerS >= MIN_IDENTITIES_PER_S ? 'target met' : 'target MISSED'} (>= ${MIN_IDENTITIES_PER_S})`,
    );
    log(`  directory caught up ${(directoryLagMs / 1000).toFixed(1)} s after the import returned`);
    log(`  import / raw: ${formatRatio(identitiesPerS / rawPerS)}`);

    log(`second file: ${changed.movers} movers, ${changed.leavers} leavers (held by the mass-change guard, then confirmed):`);
    generated = now();
    const held = await service.importCsv({ fileName: 'hr-month-2.csv', content: secondFile, complete: true, actor: ADMINISTRATOR });
    const holdMs = now() - generated;
    expectStatus(held, 'held');
    log(`  held in ${(holdMs / 1000).toFixed(1)} s: ${held.holdReasons.join('; ')}`);
    generated = now();
    const confirmed = await service.confirm(held.runId, ADMINISTRATOR);
    const confirmMs = now() - generated;
    expectStatus(confirmed, 'applied');
    const changesApplied = confirmed.counts.movers + confirmed.counts.leavers;
    const changes = changed.movers + changed.leavers;
    log(
      `  confirmed: ${confirmed.counts.movers} movers, ${confirmed.counts.leavers} leavers, ${confirmed.counts.failed} failed, in ${(confirmMs / 1000).toFixed(1)} s: ${formatRate(perSecond(changes, confirmMs))} changes/s`,
    );
    const rawChanges = await measureRawBulkInsert(rawPool, changed.people, plan.rawBatchSize);
    log(`  raw upsert of the whole second file: ${formatRate(perSecond(rawChanges.rows, rawChanges.elapsedMs))} rows/s`);
    await directoryCaughtUp();
    await Promise.all([directory.stop(), feedGuard.stop()]);

    const peakRssMb = memory.peakRssMb();
    log(`peak memory of this process (RSS): ${peakRssMb.toFixed(1)} MB`);
    return buildHrImportResult({
      plan: plan.name,
      startedAt,
      durationMs: now() - started,
      postgres: serverVersion,
      people: plan.people,
      hires: first.counts.hires,
      failed: first.counts.failed,
      generateMs,
      importMs,
      directoryLagMs,
      raw,
      movers: changed.movers,
      leavers: changed.leavers,
      changesApplied,
      changesFailed: confirmed.counts.failed,
      holdMs,
      confirmMs,
      rawChanges,
      peakRssMb,
    });
  } finally {
    memory.stop();
    await store.close().catch(() => undefined);
    await rawPool.end().catch(() => undefined);
    await postgres.dispose();
  }
}

function expectStatus(outcome: HrImportOutcomeView, status: HrImportOutcomeView['status']): void {
  if (outcome.status !== status) {
    throw new Error(
      `HR import ${outcome.runId} is ${outcome.status}, expected ${status}: ${[...outcome.fileErrors, ...outcome.holdReasons].join('; ')}`,
    );
  }
}
