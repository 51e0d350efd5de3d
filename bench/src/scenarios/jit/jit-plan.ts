/** What a just-in-time benchmark run does: requests auto-approved, granted for 60 s, revoked at expiry. */
export interface JitPlan {
  readonly name: 'quick' | 'full';
  readonly applications: number;
  readonly latencyMs: number;
  /** Operations of one application at once (the connector's default). */
  readonly concurrency: number;
  /** Requests, each for the `member` entitlement of one application by one person (people × applications). */
  readonly requests: number;
  /** The requests are issued at a steady pace over this window. */
  readonly windowMs: number;
  /** How long each grant lasts from its provisioning acknowledgement. */
  readonly durationMs: number;
  /** Requests made and waited for (granted and expired) before measuring. */
  readonly warmUpRequests: number;
}

export const FULL_JIT_PLAN: JitPlan = {
  name: 'full',
  applications: 20,
  latencyMs: 5,
  concurrency: 4,
  requests: 1_000,
  // 10 requests/s: about half of what this machine fulfils (~20/s measured), so the figures are
  // latencies, not the length of a queue (a burst of 1,000 in 20 s was measured too: docs/benchmarks.md).
  windowMs: 100_000,
  durationMs: 60_000,
  warmUpRequests: 0,
};

export const QUICK_JIT_PLAN: JitPlan = { ...FULL_JIT_PLAN, name: 'quick', requests: 100, windowMs: 10_000 };

/** People needed so that each asks for one entitlement per application. */
export function requestersFor(plan: JitPlan): number {
  return Math.ceil(plan.requests / plan.applications);
}
