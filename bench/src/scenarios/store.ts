import { migrate, PostgresEventStore } from '@tenure/event-store-postgres';
import { Pool } from 'pg';
import type { ContenderTotals } from '../measure/interleaved-rounds';
import { MemorySampler } from '../measure/memory-sampler';
import { summarize } from '../measure/percentiles';
import { now, perSecond } from '../measure/timing';
import { openBenchPostgres } from '../postgres/bench-postgres';
import { formatMs, formatRate, formatRatio } from '../report/format';
import type { Scenario, ScenarioOptions } from './scenario';
import { measureBatchAppends } from './store/phases/batch-appends';
import { measureConcurrentWriters } from './store/phases/concurrent-writers';
import { measureReadAll } from './store/phases/read-global-log';
import { measureSingleAppends } from './store/phases/single-appends';
import { measureSubscription } from './store/phases/subscription';
import { RawBaseline } from './store/raw-baseline';
import { sampleEvent, sampleEvents, toRawRow } from './store/sample-events';
import type { StoreBenchContext } from './store/store-context';
import { FULL_PLAN, QUICK_PLAN } from './store/store-plan';
import { buildStoreResult, MAX_LAG_P99_MS, MIN_RATIO_VS_RAW, pairedRatio, pooledRatio } from './store/store-result';
import { StreamWriter } from './store/stream-writer';

export const storeScenario: Scenario = {
  name: 'store',
  description: 'PostgreSQL event store against raw INSERTs: appends (single, batched, 16 writers), reads, subscription lag',
  run: runStoreScenario,
};

async function runStoreScenario({ quick, log }: ScenarioOptions): Promise<Record<string, unknown>> {
  const plan = quick ? QUICK_PLAN : FULL_PLAN;
  const memory = new MemorySampler();
  const startedAt = new Date();
  const started = now();
  log(`store benchmark (${plan.name}), ${startedAt.toISOString()}`);

  const postgres = await openBenchPostgres();
  const rawPool = new Pool({ connectionString: postgres.url, max: plan.concurrentWriters + 4 });
  // Idle connections die when the server stops (Ctrl-C): that must not crash the run before it cleans up.
  rawPool.on('error', () => undefined);
  const store = new PostgresEventStore({ connectionString: postgres.url, poolSize: plan.concurrentWriters + 4 });
  try {
    log(`server: ${postgres.origin}`);
    const serverVersion = await describeServer(rawPool, log);
    await migrate(store.pool);
    const ctx: StoreBenchContext = { plan, store, raw: await RawBaseline.create(rawPool), databaseUrl: postgres.url, log };

    await warmUp(ctx);

    log(`single appends, one writer (${plan.singleRounds} interleaved rounds of ${plan.singleOperationsPerRound}):`);
    const single = await measureSingleAppends(ctx);
    log(`  raw INSERT (autocommit): ${describeLatencies(single.raw.latencies)}, ${formatRate(rateOf(single.raw))}/s`);
    log(`  store append (1 event):  ${describeLatencies(single.store.latencies)}, ${formatRate(rateOf(single.store))}/s`);
    log(
      `  store / raw: ${describeRatios(single.store, single.raw)} ${verdict(pairedRatio(single.store, single.raw) >= MIN_RATIO_VS_RAW, `target >= ${MIN_RATIO_VS_RAW}`)}`,
    );

    log(`batched appends of ${plan.batchSize} (${plan.batchRounds} interleaved rounds of ${plan.batchesPerRound} batches):`);
    const batch = await measureBatchAppends(ctx);
    log(`  raw multi-row INSERT: ${formatRate(rateOf(batch.raw))} rows/s, per batch ${describeLatencies(batch.raw.latencies)}`);
    log(`  store append:         ${formatRate(rateOf(batch.store))} events/s, per batch ${describeLatencies(batch.store.latencies)}`);
    log(
      `  store / raw: ${describeRatios(batch.store, batch.raw)} ${verdict(pairedRatio(batch.store, batch.raw) >= MIN_RATIO_VS_RAW, `target >= ${MIN_RATIO_VS_RAW}`)}`,
    );

    log(
      `${plan.concurrentWriters} concurrent writers, one stream each (${plan.concurrentRounds} interleaved rounds of ${plan.concurrentRoundMs / 1000} s):`,
    );
    const concurrent = await measureConcurrentWriters(ctx);
    log(`  raw INSERT:                ${formatRate(rateOf(concurrent.raw))}/s`);
    log(
      `  store append:              ${formatRate(rateOf(concurrent.store))}/s, store / raw: ${describeRatios(concurrent.store, concurrent.raw)}`,
    );
    const notifying = concurrent.rawNotifyInTransaction;
    log(`  raw INSERT + NOTIFY in tx: ${formatRate(rateOf(notifying))}/s, / raw: ${describeRatios(notifying, concurrent.raw)}`);

    log(`reading the global log with readAll, pages of ${plan.readPageSize}:`);
    const read = await measureReadAll(ctx);
    log(
      `  ${read.events} events in ${read.pages} pages, ${(read.elapsedMs / 1000).toFixed(2)} s: ${formatRate(perSecond(read.events, read.elapsedMs))} events/s`,
    );

    log('subscription on a second store instance (LISTEN/NOTIFY):');
    const subscription = await measureSubscription(ctx);
    const lag = summarize(subscription.lagFromReturnMs);
    log(
      `  catch-up: ${formatRate(perSecond(subscription.catchUp.events, subscription.catchUp.elapsedMs))} events/s (${subscription.catchUp.events} events)`,
    );
    log(
      `  lag after append returned: ${describeLatencies(subscription.lagFromReturnMs)}, max ${formatMs(lag.max)} over ${lag.count} events ${verdict(lag.p99 < MAX_LAG_P99_MS, `p99 target < ${MAX_LAG_P99_MS} ms`)}`,
    );
    log(`  lag after append was called (upper bound): ${describeLatencies(subscription.lagFromCallMs)}`);

    const peakRssMb = memory.peakRssMb();
    log(`peak memory of this process (RSS): ${peakRssMb.toFixed(1)} MB`);
    return buildStoreResult({
      plan: plan.name,
      startedAt,
      durationMs: now() - started,
      postgres: serverVersion,
      single,
      batch,
      concurrent,
      read,
      subscription,
      peakRssMb,
    });
  } finally {
    memory.stop();
    await store.close().catch(() => undefined);
    await rawPool.end().catch(() => undefined);
    await postgres.dispose();
  }
}

async function describeServer(pool: Pool, log: (line: string) => void): Promise<string> {
  const { rows } = await pool.query<{ name: string; setting: string }>(
    `SELECT name, setting FROM pg_settings
      WHERE name IN ('server_version', 'fsync', 'synchronous_commit', 'wal_sync_method', 'full_page_writes', 'shared_buffers', 'commit_delay')
      ORDER BY name`,
  );
  const settings = new Map(rows.map((row) => [row.name, row.setting]));
  log(
    `PostgreSQL ${settings.get('server_version')}: ${[...settings]
      .filter(([name]) => name !== 'server_version')
      .map(([name, value]) => `${name}=${value}`)
      .join(' ')}`,
  );
  return `PostgreSQL ${settings.get('server_version')}`;
}

/** Opens connections, fills caches and lets PostgreSQL plan every statement before anything is timed. */
async function warmUp(ctx: StoreBenchContext): Promise<void> {
  const { warmupOperations: count, batchSize } = ctx.plan;
  const started = now();
  const writer = new StreamWriter(ctx.store, 'store-warmup');
  for (let i = 0; i < count; i++) {
    await ctx.raw.insertOne(toRawRow('raw-warmup', sampleEvent(i)));
    await writer.append([sampleEvent(i)]);
  }
  for (let i = 0; i < Math.max(3, count / 20); i++) {
    const events = sampleEvents(batchSize, i * batchSize);
    await ctx.raw.insertBatch(events.map((event) => toRawRow('raw-warmup', event)));
    await writer.append(events);
  }
  const concurrentWriters = Array.from({ length: ctx.plan.concurrentWriters }, (_, w) => new StreamWriter(ctx.store, `store-warmup-${w}`));
  await Promise.all(
    concurrentWriters.map((w, i) =>
      Promise.all([w.append([sampleEvent(i)]), ctx.raw.insertOneNotifyingInTransaction(toRawRow('raw-warmup', sampleEvent(i)))]),
    ),
  );
  ctx.log(`warm-up done in ${((now() - started) / 1000).toFixed(1)} s`);
}

function rateOf(totals: ContenderTotals): number {
  return perSecond(totals.operations, totals.elapsedMs);
}

function describeRatios(candidate: ContenderTotals, baseline: ContenderTotals): string {
  return `${formatRatio(pairedRatio(candidate, baseline))} (median of rounds; pooled ${formatRatio(pooledRatio(candidate, baseline))})`;
}

function describeLatencies(samples: readonly number[]): string {
  const s = summarize(samples);
  return `p50 ${formatMs(s.p50)}, p99 ${formatMs(s.p99)}`;
}

function verdict(met: boolean, target: string): string {
  return met ? `(${target}: met)` : `(${target}: MISSED)`;
}
