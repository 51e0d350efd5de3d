import { type BeforeApplicationShutdown, Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { Clock } from '@tenure/event-sourcing';
import { startCheckpointSchedule, type PostgresEventStore } from '@tenure/event-store-postgres';
import type { Logger } from '@tenure/platform';
import { BackgroundWork, CLOCK, EVENT_STORE, EventStoreSchema, LOGGER } from '@tenure/service-runtime';
import { feedGuardProjection } from '../hr-inputs/feed-guard/feed-guard.projection';
import { auditTrailProjection } from '../read-model/audit-trail/audit-trail.projection';
import { identityDirectoryProjection } from '../read-model/identity-directory.projection';
import { auditCheckpointEveryMsFromEnv } from './audit-checkpoint-config';
import { IdentityCommands } from './identity-commands';
import { startIdentityDueTimer } from './identity-due-timer';

/**
 * The identity directory, burst-guard and audit-trail projections, the due-date timer, and the event log's
 * checkpoint schedule (the log is shared by every service; identity seals it, as it answers
 * `eventLogVerification`), run on the service runtime's background work.
 */
@Injectable()
export class IdentityBackground implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly work: BackgroundWork;

  constructor(
    @Inject(EVENT_STORE) store: PostgresEventStore,
    @Inject(CLOCK) clock: Clock,
    @Inject(LOGGER) logger: Logger,
    schema: EventStoreSchema,
    commands: IdentityCommands,
  ) {
    const checkpointEveryMs = auditCheckpointEveryMsFromEnv(process.env);
    this.work = new BackgroundWork({
      store,
      schema,
      logger,
      // The burst guard's counts are read on the same "caught up" as the directory. The audit trail
      // follows the whole log (every context), so HR inputs do not wait for it (see directoryCaughtUp).
      projections: [identityDirectoryProjection, feedGuardProjection, auditTrailProjection],
      startExtras: () => [
        startIdentityDueTimer(store.pool, clock, commands),
        ...(checkpointEveryMs === null
          ? []
          : [startCheckpointSchedule({ pool: store.pool, now: () => clock.now(), everyMs: checkpointEveryMs, log: logger })]),
      ],
    });
  }

  onApplicationBootstrap(): Promise<void> {
    return this.work.start();
  }

  /** Resolves when the directory has applied everything committed so far (read-your-writes for HR inputs). */
  directoryCaughtUp(timeoutMs = 10_000): Promise<void> {
    return this.work.caughtUp(timeoutMs, [identityDirectoryProjection.name, feedGuardProjection.name]);
  }

  /** Resolves when the audit trail has indexed everything committed so far, in every context. */
  auditTrailCaughtUp(timeoutMs = 10_000): Promise<void> {
    return this.work.caughtUp(timeoutMs, [auditTrailProjection.name]);
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.work.stop();
  }
}
