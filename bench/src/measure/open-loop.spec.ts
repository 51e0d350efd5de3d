import { runOpenLoop } from './open-loop';

describe('runOpenLoop', () => {
  it('given slow answers, when the rate is fixed, then requests start on schedule without waiting for earlier answers', async () => {
    let inFlight = 0;
    let mostInFlight = 0;
    const result = await runOpenLoop({
      ratePerSecond: 200,
      durationMs: 100,
      request: async () => {
        inFlight++;
        mostInFlight = Math.max(mostInFlight, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 50));
        inFlight--;
      },
    });

    expect(result.requests).toBe(20);
    expect(result.latencies).toHaveLength(20);
    expect(mostInFlight).toBeGreaterThan(5);
    expect(result.elapsedMs).toBeLessThan(1_000);
    expect(Math.min(...result.latencies)).toBeGreaterThanOrEqual(45);
  });

  it('given failing requests, when run, then they are counted with the first message and left out of the latencies', async () => {
    let n = 0;
    const result = await runOpenLoop({
      ratePerSecond: 1_000,
      durationMs: 10,
      request: async () => {
        if (n++ % 2 === 1) throw new Error(`wrong answer ${n}`);
      },
    });

    expect(result).toMatchObject({ requests: 10, errors: 5, firstError: 'wrong answer 2' });
    expect(result.latencies).toHaveLength(5);
    expect(result.startLags).toHaveLength(10);
  });
});
