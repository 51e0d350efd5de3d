import { summarizeDurations } from './statistics';

describe('summarizeDurations', () => {
  it('given completed, failed and running runs, when summarized, then percentiles cover only the settled runs', () => {
    const summary = summarizeDurations([
      { status: 'COMPLETED', durationMs: 100 },
      { status: 'COMPLETED', durationMs: 300 },
      { status: 'COMPLETED_WITH_FAILURES', durationMs: 200 },
      { status: 'IN_PROGRESS', durationMs: null },
    ]);
    expect(summary).toEqual({ completed: 3, inProgress: 1, withFailures: 1, medianMs: 200, p95Ms: 300, maxMs: 300 });
  });

  it('given no runs, when summarized, then every figure is unknown rather than zero', () => {
    expect(summarizeDurations([])).toEqual({ completed: 0, inProgress: 0, withFailures: 0, medianMs: null, p95Ms: null, maxMs: null });
  });
});
