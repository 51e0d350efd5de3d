/** How a supervised process is restarted after it dies, and when we stop trying. */
export interface RestartPolicy {
  /** A process that dies sooner than this after its start crashed "fast"; one that lived longer was stable. */
  readonly stableAfterMs: number;
  /** Consecutive fast crashes after which we give up: restarting again would only repeat the failure. */
  readonly maxFastCrashes: number;
  /** Wait before the first restart; doubled for each further consecutive fast crash... */
  readonly initialBackoffMs: number;
  /** ...up to this. */
  readonly maxBackoffMs: number;
  /** Consecutive failed readiness probes after which a ready process counts as unready (one may be a blip). */
  readonly failedProbesBeforeUnready: number;
}

export const DEFAULT_RESTART_POLICY: RestartPolicy = {
  stableAfterMs: 15_000,
  maxFastCrashes: 5,
  initialBackoffMs: 500,
  maxBackoffMs: 10_000,
  failedProbesBeforeUnready: 3,
};

/** Wait before restarting, given how many fast crashes in a row happened (0 after a stable run). */
export function restartDelayMs(policy: RestartPolicy, consecutiveFastCrashes: number): number {
  const doublings = Math.max(consecutiveFastCrashes - 1, 0);
  return Math.min(policy.initialBackoffMs * 2 ** doublings, policy.maxBackoffMs);
}
