import type { PostgresEventStore } from '@tenure/event-store-postgres';
import type { RawBaseline } from './raw-baseline';
import type { StorePlan } from './store-plan';

/** What every phase of the store scenario works with. */
export interface StoreBenchContext {
  readonly plan: StorePlan;
  /** The writer's event store (pool of at least `plan.concurrentWriters` connections). */
  readonly store: PostgresEventStore;
  readonly raw: RawBaseline;
  readonly databaseUrl: string;
  readonly log: (line: string) => void;
}
