import { DEFAULT_RETRY_POLICY, retryDelayMs } from './retry-schedule';

describe('the retry schedule', () => {
  it('given failed attempts, when the jitter draw is at its top, then the wait doubles from 1 s up to the 5 min cap', () => {
    const top = 0.999_999;
    expect([1, 2, 3, 4].map((attempt) => Math.round(retryDelayMs(attempt, top, DEFAULT_RETRY_POLICY, null) / 1000))).toEqual([1, 2, 4, 8]);
    expect(retryDelayMs(20, top, DEFAULT_RETRY_POLICY, null)).toBeLessThanOrEqual(300_000);
    expect(retryDelayMs(20, top, DEFAULT_RETRY_POLICY, null)).toBeGreaterThan(299_000);
  });

  it('given a jitter draw, when the wait is computed, then it is that share of the ceiling (full jitter)', () => {
    expect(retryDelayMs(3, 0, DEFAULT_RETRY_POLICY, null)).toBe(0);
    expect(retryDelayMs(3, 0.5, DEFAULT_RETRY_POLICY, null)).toBe(2_000);
  });

  it('given a target that asked to wait longer, when the wait is computed, then it waits at least that long', () => {
    expect(retryDelayMs(1, 0.5, DEFAULT_RETRY_POLICY, 7_000)).toBe(7_000);
    expect(retryDelayMs(5, 0.5, DEFAULT_RETRY_POLICY, 100)).toBe(8_000);
  });
});
