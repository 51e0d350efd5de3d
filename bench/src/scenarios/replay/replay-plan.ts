/** How big a replay benchmark run is. */
export interface ReplayPlan {
  readonly name: 'full' | 'quick';
  /** Events in the log before the rebuild (the recorded traffic, copied with fresh ids until there are this many). */
  readonly events: number;
  /** The recorded company: people hired, with their birthright provisioned. */
  readonly people: number;
  /** Simulated applications; everyone's birthright is one entitlement in each. */
  readonly applications: number;
  /** Of the people: how many request just-in-time access (granted, then expired), move to another manager, leave. */
  readonly requesters: number;
  readonly movers: number;
  readonly leavers: number;
  /** Copies appended at once. */
  readonly writers: number;
}

export const FULL_REPLAY_PLAN: ReplayPlan = {
  name: 'full',
  events: 1_000_000,
  people: 100,
  applications: 4,
  requesters: 20,
  movers: 15,
  leavers: 10,
  writers: 8,
};

export const QUICK_REPLAY_PLAN: ReplayPlan = { ...FULL_REPLAY_PLAN, name: 'quick', events: 100_000 };

/** The rebuild rate the issue asks for. */
export const TARGET_REBUILD_EVENTS_PER_S = 20_000;
