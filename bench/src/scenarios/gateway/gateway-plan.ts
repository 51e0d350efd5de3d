/** What a gateway benchmark run does: a company of 300 with a birthright of 3 applications, queried at 100 requests/s. */
export interface GatewayPlan {
  readonly name: 'quick' | 'full';
  /** People hired through the HR import. */
  readonly people: number;
  /** Simulated applications, one birthright entitlement (and account) in each per person. */
  readonly applications: number;
  /** Identities per measured page. */
  readonly pageSize: number;
  /** Requests started per second, for each query in turn. */
  readonly ratePerSecond: number;
  /** Rounds of the three queries, rotating which goes first; each query runs `roundMs` per round. */
  readonly rounds: number;
  readonly roundMs: number;
  /** Each query at the measured rate before measuring (connections, query plans, JIT). */
  readonly warmUpMs: number;
}

export const FULL_GATEWAY_PLAN: GatewayPlan = {
  name: 'full',
  people: 300,
  applications: 3,
  pageSize: 10,
  ratePerSecond: 100,
  rounds: 4,
  roundMs: 5_000,
  warmUpMs: 5_000,
};

export const QUICK_GATEWAY_PLAN: GatewayPlan = { ...FULL_GATEWAY_PLAN, name: 'quick', rounds: 1, warmUpMs: 2_000 };

/** `bench-app-0`, `bench-app-1`...: the simulated applications of the birthright. */
export function applicationIdsFor(plan: GatewayPlan): string[] {
  return Array.from({ length: plan.applications }, (_, n) => `bench-app-${n}`);
}

/** BENCH_GATEWAY_RATE=<requests/s> replaces the plan's rate: to find where this machine stops keeping up. */
export function withRateFromEnv(plan: GatewayPlan, env: NodeJS.ProcessEnv): GatewayPlan {
  const rate = env['BENCH_GATEWAY_RATE'];
  if (rate === undefined) return plan;
  const ratePerSecond = Number(rate);
  if (!Number.isFinite(ratePerSecond) || ratePerSecond <= 0) throw new Error(`BENCH_GATEWAY_RATE must be a positive number, got "${rate}"`);
  return { ...plan, ratePerSecond };
}
