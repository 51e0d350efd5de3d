import { type BeforeApplicationShutdown, Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { Clock } from '@tenure/event-sourcing';
import type { PostgresEventStore } from '@tenure/event-store-postgres';
import type { Logger } from '@tenure/platform';
import { BackgroundWork, CLOCK, EVENT_STORE, EventStoreSchema, LOGGER } from '@tenure/service-runtime';
import { startHrImportRetentionTimer } from './application/hr-import-retention-timer';
import { HrImportUnnamedRowsErasure } from './application/hr-import-unnamed-rows-erasure';
import { hrImportUnnamedRowsRetentionMsFromEnv } from './hr-import-retention-config';
import { hrImportRunsProjection } from './read-model/hr-import-runs.projection';

/** The import runs projection and the retention timer of the runs' rows that name nobody, run on the service runtime's background work. */
@Injectable()
export class HrImportsBackground implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly work: BackgroundWork;

  constructor(
    @Inject(EVENT_STORE) store: PostgresEventStore,
    @Inject(CLOCK) clock: Clock,
    @Inject(LOGGER) logger: Logger,
    schema: EventStoreSchema,
    erasure: HrImportUnnamedRowsErasure,
  ) {
    const retentionMs = hrImportUnnamedRowsRetentionMsFromEnv(process.env);
    this.work = new BackgroundWork({
      store,
      schema,
      logger,
      projections: [hrImportRunsProjection],
      startExtras: () => [startHrImportRetentionTimer({ pool: store.pool, clock, erasure, retentionMs })],
    });
  }

  onApplicationBootstrap(): Promise<void> {
    return this.work.start();
  }

  /** Resolves when hr_import_runs reflects every run event committed so far. */
  runsCaughtUp(timeoutMs = 10_000): Promise<void> {
    return this.work.caughtUp(timeoutMs);
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.work.stop();
  }
}
