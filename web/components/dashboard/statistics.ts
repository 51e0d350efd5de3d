// Figures the dashboard derives from lists the API returns.

export interface DurationSummary {
  /** Completed runs the figures are over. */
  completed: number;
  inProgress: number;
  withFailures: number;
  medianMs: number | null;
  p95Ms: number | null;
  maxMs: number | null;
}

export interface TimedRun {
  status: string;
  durationMs: number | null;
}

/** Median, 95th percentile and maximum of the completed runs' durations (nearest-rank percentiles). */
export function summarizeDurations(runs: readonly TimedRun[]): DurationSummary {
  const durations = runs
    .filter((run) => run.status !== 'IN_PROGRESS' && run.durationMs !== null)
    .map((run) => run.durationMs as number)
    .sort((a, b) => a - b);
  return {
    completed: durations.length,
    inProgress: runs.filter((run) => run.status === 'IN_PROGRESS').length,
    withFailures: runs.filter((run) => run.status === 'COMPLETED_WITH_FAILURES').length,
    medianMs: percentile(durations, 0.5),
    p95Ms: percentile(durations, 0.95),
    maxMs: durations.length > 0 ? (durations[durations.length - 1] ?? null) : null,
  };
}

function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil(p * sorted.length));
  return sorted[rank - 1] ?? null;
}
