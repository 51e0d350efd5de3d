/**
 * Nearest-rank percentile: the smallest sample such that at least `p` percent of all samples are
 * less than or equal to it. Always one of the measured values (never an interpolation between two),
 * which is what a latency report should quote.
 */
export function percentile(samples: readonly number[], p: number): number {
  return percentileOfSorted(sortAscending(samples), p);
}

export interface Summary {
  readonly count: number;
  readonly min: number;
  readonly mean: number;
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
  readonly max: number;
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = sortAscending(samples);
  const total = sorted.reduce((sum, value) => sum + value, 0);
  return {
    count: sorted.length,
    min: sorted[0]!,
    mean: total / sorted.length,
    p50: percentileOfSorted(sorted, 50),
    p90: percentileOfSorted(sorted, 90),
    p99: percentileOfSorted(sorted, 99),
    max: sorted[sorted.length - 1]!,
  };
}

function percentileOfSorted(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new RangeError('no samples: a percentile of nothing is undefined');
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile must be between 0 and 100, got ${p}`);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

function sortAscending(samples: readonly number[]): number[] {
  if (samples.some((value) => Number.isNaN(value))) throw new RangeError('samples contain NaN');
  // Numeric comparison: the default sort compares strings ("10" < "9").
  return [...samples].sort((a, b) => a - b);
}
