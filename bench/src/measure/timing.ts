import { performance } from 'node:perf_hooks';

/** Milliseconds on the monotonic clock: immune to wall-clock adjustments, sub-millisecond resolution. */
export function now(): number {
  return performance.now();
}

/** Operations per second, or 0 when nothing was timed. */
export function perSecond(operations: number, elapsedMs: number): number {
  return elapsedMs > 0 ? (operations * 1000) / elapsedMs : 0;
}

/** Runs `work` `count` times in sequence and returns each call's latency in ms. */
export async function timeEach(count: number, work: (index: number) => Promise<unknown>): Promise<number[]> {
  const latencies: number[] = [];
  for (let index = 0; index < count; index++) {
    const started = now();
    await work(index);
    latencies.push(now() - started);
  }
  return latencies;
}

/**
 * Starts `workers` loops that each call `work` until `durationMs` has passed, and returns how many
 * calls completed and the time from the first start to the last completion.
 */
export async function runConcurrently(
  workers: number,
  durationMs: number,
  work: (worker: number) => Promise<unknown>,
): Promise<{ operations: number; elapsedMs: number }> {
  const started = now();
  const deadline = started + durationMs;
  let operations = 0;
  await Promise.all(
    Array.from({ length: workers }, async (_, worker) => {
      while (now() < deadline) {
        await work(worker);
        operations++;
      }
    }),
  );
  return { operations, elapsedMs: now() - started };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
