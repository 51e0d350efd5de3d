import { runInterleavedRounds } from '../../../measure/interleaved-rounds';
import { now, timeEach } from '../../../measure/timing';
import { sampleEvents, toRawRow } from '../sample-events';
import type { StoreBenchContext } from '../store-context';
import { StreamWriter } from '../stream-writer';
import { describeRound } from './describe-round';
import type { PairedTotals } from './single-appends';

/**
 * Batches of `plan.batchSize` events per commit: one multi-row INSERT statement against one
 * `appendToStream` of the whole batch. Operations are counted in events (rows), latencies per batch.
 */
export async function measureBatchAppends(ctx: StoreBenchContext): Promise<PairedTotals> {
  const { batchSize, batchesPerRound } = ctx.plan;
  const totals = await runInterleavedRounds(
    ctx.plan.batchRounds,
    [
      {
        name: 'raw',
        async runRound(round) {
          const streamId = `raw-batch-${round}`;
          const batches = Array.from({ length: batchesPerRound }, (_, b) => sampleEvents(batchSize, b * batchSize));
          const started = now();
          const latencies = await timeEach(batchesPerRound, (b) =>
            ctx.raw.insertBatch(batches[b]!.map((event) => toRawRow(streamId, event))),
          );
          return { operations: batchesPerRound * batchSize, elapsedMs: now() - started, latencies };
        },
      },
      {
        name: 'store',
        async runRound(round) {
          const writer = new StreamWriter(ctx.store, `store-batch-${round}`);
          const batches = Array.from({ length: batchesPerRound }, (_, b) => sampleEvents(batchSize, b * batchSize));
          const started = now();
          const latencies = await timeEach(batchesPerRound, (b) => writer.append(batches[b]!));
          return { operations: batchesPerRound * batchSize, elapsedMs: now() - started, latencies };
        },
      },
    ],
    (round, results) => ctx.log(describeRound('batch', round, results, 'events')),
  );
  return { raw: totals.get('raw')!, store: totals.get('store')! };
}
