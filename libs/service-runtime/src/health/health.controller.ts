import { Controller, Get, Inject, ServiceUnavailableException } from '@nestjs/common';
import type { PostgresEventStore } from '@tenure/event-store-postgres';
import { backgroundStatusOf } from '../background/background-status';
import { EVENT_STORE } from '../event-store/event-store.tokens';
import { DatabaseProbe } from './database-probe';
import { healthDetailsOf } from './health-details';

/** Liveness and readiness for orchestrators and the gateway. */
@Controller()
export class HealthController {
  constructor(
    private readonly database: DatabaseProbe,
    @Inject(EVENT_STORE) private readonly store: PostgresEventStore,
  ) {}

  /** The process answers: restart it only if this fails. */
  @Get('health')
  health(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /**
   * The service can do its work: send it traffic only when its database answers, holds the event store
   * schema, and none of its background work (projections, processes) has stopped on an error (its
   * answers would no longer follow the log). Names what stopped; the errors are in the log. Adds what
   * the service's parts report (healthDetailsOf), which never makes it unready by itself.
   */
  @Get('ready')
  async ready(): Promise<Record<string, unknown> & { status: 'ready' }> {
    const database = await this.database.probe();
    if (!database.reachable) throw new ServiceUnavailableException({ status: 'unavailable', reason: 'database unreachable' });
    if (!database.eventStoreReady) {
      throw new ServiceUnavailableException({ status: 'unavailable', reason: 'event store schema not applied yet' });
    }
    const stopped = backgroundStatusOf(this.store).stoppedWork;
    const details = await healthDetailsOf(this.store).collect();
    if (stopped.length > 0) {
      throw new ServiceUnavailableException({
        status: 'unavailable',
        reason: 'background work stopped',
        stopped: stopped.map((work) => work.name),
        ...details,
      });
    }
    return { status: 'ready', ...details };
  }
}
