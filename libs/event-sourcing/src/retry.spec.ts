import { exponentialBackoff, withRetries } from './retry';

describe('withRetries', () => {
  it('returns the first success and counts attempts', async () => {
    const attempts: number[] = [];
    const result = await withRetries(
      async (attempt) => {
        attempts.push(attempt);
        if (attempt < 3) throw new Error(`flaky ${attempt}`);
        return 'done';
      },
      { maxAttempts: 5, delayMs: 1 },
    );
    expect(result).toBe('done');
    expect(attempts).toEqual([1, 2, 3]);
  });

  it('gives up after maxAttempts with the last error, never retrying forever', async () => {
    let calls = 0;
    await expect(
      withRetries(
        async (attempt) => {
          calls += 1;
          throw new Error(`failure ${attempt}`);
        },
        { maxAttempts: 4, delayMs: 1 },
      ),
    ).rejects.toThrow('failure 4');
    expect(calls).toBe(4);
  });
});

describe('exponentialBackoff', () => {
  it('doubles up to the cap', () => {
    const delay = exponentialBackoff(20, 100);
    expect([1, 2, 3, 4].map(delay)).toEqual([20, 40, 80, 100]);
  });
});
