/** What one contender did in one round. */
export interface RoundResult {
  readonly operations: number;
  readonly elapsedMs: number;
  /** Per-operation latencies in ms, when the round measured them. */
  readonly latencies?: readonly number[];
}

export interface Contender {
  readonly name: string;
  runRound(round: number): Promise<RoundResult>;
}

export interface ContenderTotals {
  readonly operations: number;
  readonly elapsedMs: number;
  readonly latencies: number[];
  /** Operations per second in each round, to show how much the machine wandered. */
  readonly roundRates: number[];
}

/**
 * Runs the contenders round after round, rotating who goes first, so that noise from a shared
 * machine (another build, a page-cache flush) lands on all of them alike instead of on whichever
 * ran during the bad minute.
 */
export async function runInterleavedRounds(
  rounds: number,
  contenders: readonly Contender[],
  onRound?: (round: number, results: ReadonlyMap<string, RoundResult>) => void,
): Promise<Map<string, ContenderTotals>> {
  const totals = new Map(
    contenders.map((c) => [c.name, { operations: 0, elapsedMs: 0, latencies: [] as number[], roundRates: [] as number[] }]),
  );
  for (let round = 0; round < rounds; round++) {
    const results = new Map<string, RoundResult>();
    for (let turn = 0; turn < contenders.length; turn++) {
      const contender = contenders[(round + turn) % contenders.length]!;
      const result = await contender.runRound(round);
      results.set(contender.name, result);
      const total = totals.get(contender.name)!;
      total.operations += result.operations;
      total.elapsedMs += result.elapsedMs;
      total.latencies.push(...(result.latencies ?? []));
      total.roundRates.push(result.elapsedMs > 0 ? (result.operations * 1000) / result.elapsedMs : 0);
    }
    onRound?.(round, results);
  }
  return totals;
}
