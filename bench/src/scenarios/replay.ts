import { PostgresEventStore, replayProjections, verifyEventLog } from '@tenure/event-store-postgres';
import { MemorySampler } from '../measure/memory-sampler';
import { now } from '../measure/timing';
import { openBenchPostgres } from '../postgres/bench-postgres';
import { formatRate, formatRatio, round } from '../report/format';
import { TrafficCopier } from './replay/copy-traffic';
import { readLogRaw } from './replay/raw-read';
import { recordTraffic } from './replay/record-traffic';
import { FULL_REPLAY_PLAN, QUICK_REPLAY_PLAN, TARGET_REBUILD_EVENTS_PER_S } from './replay/replay-plan';
import type { Scenario, ScenarioOptions } from './scenario';
import { loadServiceProjections } from './services/service-projections';

export const replayScenario: Scenario = {
  name: 'replay',
  description:
    'Replay: real lifecycle traffic (joiners, just-in-time grants and expiries, movers, leavers) recorded from the four services, copied to 1,000,000 events (100,000 with --quick); ' +
    'then every read model rebuilt (blue-green, as `npm run replay`) and the hash chains verified, each against a raw read of the same events',
  run: runReplayScenario,
};

async function runReplayScenario({ quick, log }: ScenarioOptions): Promise<Record<string, unknown>> {
  const plan = quick ? QUICK_REPLAY_PLAN : FULL_REPLAY_PLAN;
  const projections = loadServiceProjections();
  const memory = new MemorySampler();
  const startedAt = new Date();
  const started = now();
  log(`replay benchmark (${plan.name}), ${startedAt.toISOString()}, Node.js ${process.version}`);
  const postgres = await openBenchPostgres();
  try {
    log(`server: ${postgres.origin}`);
    const recording = await recordTraffic(postgres.url, plan, log);
    const copier = new TrafficCopier(recording);
    log(
      `recorded ${recording.length} events; ${copier.eventsPerCopy} of them are the company's (copied), the rest shared (policy, catalog)`,
    );

    const store = new PostgresEventStore({ connectionString: postgres.url, poolSize: plan.writers + 2 });
    try {
      const copies = Math.max(1, Math.ceil((plan.events - recording.length) / copier.eventsPerCopy));
      const appendStarted = now();
      let next = 1;
      await Promise.all(
        Array.from({ length: plan.writers }, async () => {
          for (let copy = next++; copy <= copies; copy = next++) await copier.appendCopy(store, copy);
        }),
      );
      const appendSeconds = (now() - appendStarted) / 1000;
      const { rows } = await store.pool.query<{ n: string }>('SELECT count(*)::text AS n FROM tenure_events');
      const events = Number(rows[0]!.n);
      log(
        `${copies} copies appended by ${plan.writers} writers: ${events} events in the log (${formatRate((events - recording.length) / appendSeconds)} events/s appended)`,
      );
      await store.pool.query('VACUUM ANALYZE tenure_events');

      // The raw read twice: the first also warms the cache, so rebuild and raw read both read a warm table.
      await readLogRaw(store.pool);
      const rawStarted = now();
      const rawEvents = await readLogRaw(store.pool);
      const rawSeconds = (now() - rawStarted) / 1000;
      const rawPerS = rawEvents / rawSeconds;
      log(`raw read of the log (baseline): ${rawEvents} events in ${rawSeconds.toFixed(1)} s, ${formatRate(rawPerS)} events/s`);

      let lastLogged = 0;
      const rebuild = await replayProjections({
        live: store.pool,
        connectionString: postgres.url,
        notifier: store.wakeups,
        projections,
        onProgress: (progress) => {
          if (now() - lastLogged < 10_000) return;
          lastLogged = now();
          log(`  rebuilding ${progress.projection}: ${progress.applied}/${progress.total} log events`);
        },
      });
      const rebuildPerS = events / rebuild.seconds;
      const applied = rebuild.projections.reduce((sum, p) => sum + p.applied, 0);
      const slowest = [...rebuild.projections].sort((a, b) => b.seconds - a.seconds).slice(0, 5);
      log(
        `rebuild of all ${projections.length} read models (into fresh tables, then switched): ${rebuild.seconds.toFixed(1)} s, ` +
          `${formatRate(rebuildPerS)} log events/s (${formatRatio(rebuildPerS / rawPerS)} the raw read); ` +
          `${applied} events applied in all; target ${formatRate(TARGET_REBUILD_EVENTS_PER_S)}/s ${rebuildPerS >= TARGET_REBUILD_EVENTS_PER_S ? 'met' : 'missed'}`,
      );
      // One read of the log feeds every read model; these are the time each one's own transactions took.
      log(`  slowest: ${slowest.map((p) => `${p.name} ${p.seconds.toFixed(1)} s (${p.applied} events)`).join(', ')}`);
      log(`  each: ${rebuild.projections.map((p) => `${p.name} ${formatRate(p.seconds > 0 ? p.applied / p.seconds : 0)}/s`).join(', ')}`);

      const verification = await verifyEventLog(store.pool);
      if (!verification.intact) throw new Error(`verification found the log altered: ${JSON.stringify(verification).slice(0, 500)}`);
      const verifyPerS = verification.events / verification.seconds;
      log(
        `verification of the hash chains: ${verification.events} events in ${verification.streams} streams, ${verification.seconds.toFixed(1)} s, ` +
          `${formatRate(verifyPerS)} events/s (${formatRatio(verifyPerS / rawPerS)} the raw read); intact`,
      );
      const peakRssMb = memory.peakRssMb();
      log(`memory: peak ${peakRssMb.toFixed(0)} MB`);
      return {
        scenario: 'replay',
        plan: plan.name,
        started_at: startedAt.toISOString(),
        duration_s: round((now() - started) / 1000, 1),
        events,
        recorded_events: recording.length,
        copies,
        projections: projections.length,
        append_events_per_s: round((events - recording.length) / appendSeconds, 0),
        raw_read_events_per_s: round(rawPerS, 0),
        rebuild_s: round(rebuild.seconds, 1),
        rebuild_events_per_s: round(rebuildPerS, 0),
        rebuild_events_applied: applied,
        verify_events_per_s: round(verifyPerS, 0),
        ratio_rebuild_vs_raw_read: round(rebuildPerS / rawPerS, 3),
        ratio_verify_vs_raw_read: round(verifyPerS / rawPerS, 3),
        target_rebuild_events_per_s: TARGET_REBUILD_EVENTS_PER_S,
        peak_rss_mb: round(peakRssMb, 1),
      };
    } finally {
      await store.close();
    }
  } finally {
    await postgres.dispose();
  }
}
