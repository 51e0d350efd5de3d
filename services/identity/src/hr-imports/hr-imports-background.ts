import { type BeforeApplicationShutdown, Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { PostgresEventStore } from '@tenure/event-store-postgres';
import type { Logger } from '@tenure/platform';
import { BackgroundWork, EVENT_STORE, EventStoreSchema, LOGGER } from '@tenure/service-runtime';
import { hrImportRunsProjection } from './read-model/hr-import-runs.projection';

/** The import runs projection, run on the service runtime's background work. */
@Injectable()
export class HrImportsBackground implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly work: BackgroundWork;

  constructor(@Inject(EVENT_STORE) store: PostgresEventStore, @Inject(LOGGER) logger: Logger, schema: EventStoreSchema) {
    this.work = new BackgroundWork({ store, schema, logger, projections: [hrImportRunsProjection] });
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
