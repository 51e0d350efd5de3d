/** How hard provisioning tries before an operation becomes a dead letter. */
export interface RetryPolicy {
  /** Attempts in all, the first included. */
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 8, baseDelayMs: 1_000, maxDelayMs: 300_000 };

/**
 * The wait after failed attempt `attempt` (1-based): exponential backoff with full jitter, a uniform
 * draw between 0 and min(cap, base × 2^(attempt−1)), so that many operations failing together do not
 * retry together. `jitter` is that draw in [0, 1), injected. A target that said how long to wait
 * (rate limited, `retryAfterMs`) is given at least that.
 */
export function retryDelayMs(attempt: number, jitter: number, policy: RetryPolicy, retryAfterMs: number | null): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  const drawn = Math.floor(Math.min(Math.max(jitter, 0), 1) * ceiling);
  return Math.max(drawn, retryAfterMs ?? 0);
}
