import type { ContenderTotals } from '../../../measure/interleaved-rounds';
import { runInterleavedRounds } from '../../../measure/interleaved-rounds';
import { now, timeEach } from '../../../measure/timing';
import { sampleEvent, toRawRow } from '../sample-events';
import type { StoreBenchContext } from '../store-context';
import { StreamWriter } from '../stream-writer';
import { describeRound } from './describe-round';

export interface PairedTotals {
  readonly raw: ContenderTotals;
  readonly store: ContenderTotals;
}

/**
 * One writer, one event per commit: an autocommit INSERT of one row against `appendToStream` of
 * one event (with its expected revision). Both wait for the same fsync; the difference is the
 * store's work per append. Events are built before the clock starts; serialising them is timed
 * on both sides.
 */
export async function measureSingleAppends(ctx: StoreBenchContext): Promise<PairedTotals> {
  const count = ctx.plan.singleOperationsPerRound;
  const totals = await runInterleavedRounds(
    ctx.plan.singleRounds,
    [
      {
        name: 'raw',
        async runRound(round) {
          const streamId = `raw-single-${round}`;
          const events = Array.from({ length: count }, (_, i) => sampleEvent(i));
          const started = now();
          const latencies = await timeEach(count, (i) => ctx.raw.insertOne(toRawRow(streamId, events[i]!)));
          return { operations: count, elapsedMs: now() - started, latencies };
        },
      },
      {
        name: 'store',
        async runRound(round) {
          const writer = new StreamWriter(ctx.store, `store-single-${round}`);
          const events = Array.from({ length: count }, (_, i) => sampleEvent(i));
          const started = now();
          const latencies = await timeEach(count, (i) => writer.append([events[i]!]));
          return { operations: count, elapsedMs: now() - started, latencies };
        },
      },
    ],
    (round, results) => ctx.log(describeRound('single', round, results, 'appends')),
  );
  return { raw: totals.get('raw')!, store: totals.get('store')! };
}
