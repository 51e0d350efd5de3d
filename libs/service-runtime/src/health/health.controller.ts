import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { DatabaseProbe } from './database-probe';

/** Liveness and readiness for orchestrators and the gateway. */
@Controller()
export class HealthController {
  constructor(private readonly database: DatabaseProbe) {}

  /** The process answers: restart it only if this fails. */
  @Get('health')
  health(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** The service can do its work: send it traffic only when its database answers and holds the event store schema. */
  @Get('ready')
  async ready(): Promise<{ status: 'ready' }> {
    const database = await this.database.probe();
    if (!database.reachable) throw new ServiceUnavailableException({ status: 'unavailable', reason: 'database unreachable' });
    if (!database.eventStoreReady) {
      throw new ServiceUnavailableException({ status: 'unavailable', reason: 'event store schema not applied yet' });
    }
    return { status: 'ready' };
  }
}
