import { setTimeout as sleep } from 'node:timers/promises';

export interface RetryPolicy {
  /** Attempts in all, including the first. */
  readonly maxAttempts: number;
  /** Wait after failed attempt n before attempt n+1: a fixed step that grows linearly with n, or a function of n. */
  readonly delayMs: number | ((failedAttempt: number) => number);
}

/** Doubles from `firstMs` after each failure, never above `maxMs`. */
export function exponentialBackoff(firstMs: number, maxMs: number): (failedAttempt: number) => number {
  return (failedAttempt) => Math.min(firstMs * 2 ** (failedAttempt - 1), maxMs);
}

/** Runs `work` until it succeeds or `maxAttempts` ran; then throws the last error. Never retries forever. */
export async function withRetries<T>(work: (attempt: number) => Promise<T>, policy: RetryPolicy): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work(attempt);
    } catch (error) {
      if (attempt >= policy.maxAttempts) throw error;
      await sleep(typeof policy.delayMs === 'number' ? policy.delayMs * attempt : policy.delayMs(attempt));
    }
  }
}
