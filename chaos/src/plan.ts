/** How big a run is. `ci` is the reduced size CI runs; `full` is what `npm run test:chaos` runs. */
export interface ChaosPlan {
  readonly name: 'ci' | 'full';
  /** People hired before the mixed flows start (under kills and faults already). */
  readonly joiners: number;
  /** How long the mixed flows (joiners, movers, leavers, requests, reconciliations) go on, ms. */
  readonly stormMs: number;
  /** Flows under way at once. */
  readonly concurrency: number;
  /** Each lane's pause between two flows, ms. */
  readonly pauseMs: readonly [number, number];
  /** Instances of each service. */
  readonly instances: number;
  /** Time between two kills, ms. */
  readonly killEveryMs: readonly [number, number];
  /** How long a killed instance stays down before it is started again, ms. */
  readonly downMs: readonly [number, number];
  /** Requested grants last this long once provisioned. */
  readonly requestDurationHours: number;
  /** How long the platform may take to settle once the storm is over. */
  readonly settleTimeoutMs: number;
}

export const PLANS: Readonly<Record<ChaosPlan['name'], ChaosPlan>> = {
  ci: {
    name: 'ci',
    joiners: 10,
    stormMs: 120_000,
    concurrency: 3,
    pauseMs: [500, 3_000],
    instances: 2,
    killEveryMs: [4_000, 9_000],
    downMs: [0, 3_000],
    requestDurationHours: 0.01,
    settleTimeoutMs: 240_000,
  },
  full: {
    name: 'full',
    joiners: 30,
    stormMs: 600_000,
    concurrency: 4,
    pauseMs: [500, 3_000],
    instances: 2,
    killEveryMs: [3_000, 8_000],
    downMs: [0, 4_000],
    requestDurationHours: 0.01,
    settleTimeoutMs: 420_000,
  },
};

export function planFrom(env: NodeJS.ProcessEnv): ChaosPlan {
  const name = env['CHAOS_PLAN'] ?? 'ci';
  if (name !== 'ci' && name !== 'full') throw new Error(`CHAOS_PLAN must be ci or full (got ${name})`);
  return PLANS[name];
}

/** CHAOS_SEED replays a run; otherwise a fresh seed, printed at the start. */
export function seedFrom(env: NodeJS.ProcessEnv): number {
  const given = env['CHAOS_SEED'];
  if (given === undefined || given === '') return Math.floor(Math.random() * 2 ** 31);
  const seed = Number(given);
  if (!Number.isInteger(seed) || seed < 0) throw new Error(`CHAOS_SEED must be a whole number (got ${given})`);
  return seed;
}
