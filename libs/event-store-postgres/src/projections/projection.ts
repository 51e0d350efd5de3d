import type { EventFilter, RecordedEvent } from '@tenure/event-sourcing';
import type { PoolClient } from 'pg';

/**
 * A read model kept in PostgreSQL tables. `apply` runs inside the transaction that also stores
 * the projection's checkpoint, so each event's effect is committed exactly once.
 */
export interface Projection {
  /** Unique; also the checkpoint key (`projection:<name>`). */
  readonly name: string;
  /** Only these events are read and applied. */
  readonly filter?: EventFilter;
  /** Create the read-model tables if missing. Idempotent. */
  setup(client: PoolClient): Promise<void>;
  /** Empty the read-model tables before a rebuild from position 0. */
  reset(client: PoolClient): Promise<void>;
  apply(event: RecordedEvent, client: PoolClient): Promise<void>;
  /**
   * Optional: apply a whole batch (in log order) at once, e.g. to load and write each row once per
   * batch instead of once per event. Must have the same effect as `apply` on each event in turn;
   * when a batch fails the runner falls back to `apply`, one event per transaction, to find the bad one.
   */
  applyBatch?(events: readonly RecordedEvent[], client: PoolClient): Promise<void>;
  /**
   * Optional: the non-unique indexes this projection's own statements find rows by while applying.
   * A replay keeps them on its fresh tables from the start and builds the other non-unique indexes
   * after the bulk load (see replay/deferred-indexes.ts). Naming too few makes a replay slower, never wrong.
   */
  readonly lookupIndexes?: readonly string[];
}

export function projectionCheckpointId(projection: Pick<Projection, 'name'>): string {
  return `projection:${projection.name}`;
}
