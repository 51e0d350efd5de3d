import type { ContenderTotals, RoundResult } from '../../../measure/interleaved-rounds';
import { runInterleavedRounds } from '../../../measure/interleaved-rounds';
import { runConcurrently } from '../../../measure/timing';
import { sampleEvent, toRawRow, type RawEventRow } from '../sample-events';
import type { StoreBenchContext } from '../store-context';
import { StreamWriter } from '../stream-writer';
import { describeRound } from './describe-round';

export interface ConcurrentTotals {
  readonly raw: ContenderTotals;
  readonly store: ContenderTotals;
  /** Raw inserts that NOTIFY inside their transaction: what the store would cost if it did. */
  readonly rawNotifyInTransaction: ContenderTotals;
}

/**
 * `plan.concurrentWriters` async loops, each on its own stream, one event per commit, for a fixed
 * time. Concurrent commits can share one WAL flush (group commit), so this is where serialisation
 * anywhere in the write path shows. Three contenders, interleaved: plain INSERTs, the store, and
 * INSERTs that NOTIFY in their own transaction.
 */
export async function measureConcurrentWriters(ctx: StoreBenchContext): Promise<ConcurrentTotals> {
  const { concurrentWriters: writers, concurrentRoundMs: durationMs } = ctx.plan;
  const rawRound =
    (streamPrefix: string, insert: (row: RawEventRow) => Promise<void>) =>
    (round: number): Promise<RoundResult> => {
      let sequence = 0;
      return runConcurrently(writers, durationMs, (worker) =>
        insert(toRawRow(`${streamPrefix}-${round}-${worker}`, sampleEvent(sequence++))),
      );
    };
  const totals = await runInterleavedRounds(
    ctx.plan.concurrentRounds,
    [
      { name: 'raw', runRound: rawRound('raw-concurrent', (row) => ctx.raw.insertOne(row)) },
      {
        name: 'store',
        async runRound(round) {
          const streams = Array.from(
            { length: writers },
            (_, worker) => new StreamWriter(ctx.store, `store-concurrent-${round}-${worker}`),
          );
          let sequence = 0;
          return runConcurrently(writers, durationMs, (worker) => streams[worker]!.append([sampleEvent(sequence++)]));
        },
      },
      { name: 'raw+notify', runRound: rawRound('raw-notify-concurrent', (row) => ctx.raw.insertOneNotifyingInTransaction(row)) },
    ],
    (round, results) => ctx.log(describeRound(`${writers} writers`, round, results, 'commits')),
  );
  return { raw: totals.get('raw')!, store: totals.get('store')!, rawNotifyInTransaction: totals.get('raw+notify')! };
}
