/** How long each phase of the store scenario runs. */
export interface StorePlan {
  readonly name: 'quick' | 'full';
  /** Appends and inserts of each kind before anything is measured (connections, caches, plans). */
  readonly warmupOperations: number;
  readonly singleRounds: number;
  readonly singleOperationsPerRound: number;
  readonly batchSize: number;
  readonly batchRounds: number;
  readonly batchesPerRound: number;
  readonly concurrentWriters: number;
  readonly concurrentRounds: number;
  readonly concurrentRoundMs: number;
  readonly readPageSize: number;
  readonly lagEventsPerSecond: number;
  readonly lagDurationMs: number;
}

const common = { batchSize: 100, concurrentWriters: 16, readPageSize: 1000 } as const;

export const QUICK_PLAN: StorePlan = {
  ...common,
  name: 'quick',
  warmupOperations: 30,
  singleRounds: 6,
  singleOperationsPerRound: 60,
  batchRounds: 6,
  batchesPerRound: 6,
  concurrentRounds: 2,
  concurrentRoundMs: 1_000,
  lagEventsPerSecond: 100,
  lagDurationMs: 3_000,
};

export const FULL_PLAN: StorePlan = {
  ...common,
  name: 'full',
  warmupOperations: 200,
  singleRounds: 20,
  singleOperationsPerRound: 150,
  batchRounds: 20,
  batchesPerRound: 15,
  concurrentRounds: 4,
  concurrentRoundMs: 4_000,
  lagEventsPerSecond: 200,
  lagDurationMs: 20_000,
};
