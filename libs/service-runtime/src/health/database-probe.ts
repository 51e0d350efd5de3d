import { Inject, Injectable } from '@nestjs/common';
import type { PostgresEventStore } from '@tenure/event-store-postgres';
import { EventStoreSchema } from '../event-store/event-store-schema';
import { EVENT_STORE } from '../event-store/event-store.tokens';

export type DatabaseStatus =
  | { readonly reachable: true; readonly latencyMs: number; readonly eventStoreReady: boolean }
  | { readonly reachable: false; readonly latencyMs: null; readonly eventStoreReady: false };

/**
 * One timed round trip through the event store's pool (taking a connection included) that also
 * tells whether the event store's tables are there.
 */
@Injectable()
export class DatabaseProbe {
  constructor(
    @Inject(EVENT_STORE) private readonly store: PostgresEventStore,
    private readonly schema: EventStoreSchema,
  ) {}

  async probe(): Promise<DatabaseStatus> {
    const started = performance.now();
    try {
      const { rows } = await this.store.pool.query<{ events_table: boolean }>(
        "SELECT to_regclass('tenure_events') IS NOT NULL AS events_table",
      );
      const latencyMs = performance.now() - started;
      return { reachable: true, latencyMs, eventStoreReady: this.schema.isApplied && rows[0]?.events_table === true };
    } catch {
      return { reachable: false, latencyMs: null, eventStoreReady: false };
    }
  }
}
