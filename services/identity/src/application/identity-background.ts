import { type BeforeApplicationShutdown, Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { Clock } from '@tenure/event-sourcing';
import { startProjection, type PostgresEventStore, type RunningProjection, type TimerWorker } from '@tenure/event-store-postgres';
import type { Logger } from '@tenure/platform';
import { CLOCK, EVENT_STORE, EventStoreSchema, LOGGER } from '@tenure/service-runtime';
import { identityDirectoryProjection } from '../read-model/identity-directory.projection';
import { IdentityCommands } from './identity-commands';
import { startIdentityDueTimer } from './identity-due-timer';

/**
 * The identity service's background work: the directory projection and the due-date timer. They
 * start once the event store schema is applied (which may be after the service listens, when the
 * database comes up late) and stop before the store closes.
 */
@Injectable()
export class IdentityBackground implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private projection: RunningProjection | undefined;
  private timer: TimerWorker | undefined;
  private stopping = false;

  constructor(
    @Inject(EVENT_STORE) private readonly store: PostgresEventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly schema: EventStoreSchema,
    private readonly commands: IdentityCommands,
  ) {}

  onApplicationBootstrap(): void {
    void this.schema.whenApplied().then(() => this.start());
  }

  /** Resolves when the directory has applied everything committed so far (read-your-writes for HR inputs). */
  async directoryCaughtUp(timeoutMs = 10_000): Promise<void> {
    await this.schema.whenApplied();
    if (this.projection) await this.projection.waitUntilCaughtUp(timeoutMs);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await this.timer?.stop();
    await this.projection?.stop();
  }

  private async start(): Promise<void> {
    if (this.stopping) return;
    this.projection = await startProjection({
      pool: this.store.pool,
      notifier: this.store.wakeups,
      projection: identityDirectoryProjection,
      onStopped: (error) => this.logger.error({ err: error }, 'identity directory projection stopped'),
    });
    this.timer = startIdentityDueTimer(this.store.pool, this.clock, this.commands);
    this.logger.info('identity directory and due-date timer running');
  }
}
