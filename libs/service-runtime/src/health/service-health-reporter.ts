import { Inject, Injectable } from '@nestjs/common';
import { ServiceHealth } from '../platform-status/service-health.type';
import type { ServiceInfo } from '../service-definition';
import { SERVICE_INFO } from '../service-runtime.tokens';
import { DatabaseProbe } from './database-probe';

/** This service's own health, as it reports it on the platform status. */
@Injectable()
export class ServiceHealthReporter {
  private readonly startedAt = performance.now();

  constructor(
    @Inject(SERVICE_INFO) private readonly service: ServiceInfo,
    @Inject(DatabaseProbe) private readonly database: Pick<DatabaseProbe, 'probe'>,
  ) {}

  async report(): Promise<ServiceHealth> {
    const database = await this.database.probe();
    return Object.assign(new ServiceHealth(), {
      service: this.service.name,
      version: this.service.version,
      databaseReachable: database.reachable,
      databaseLatencyMs: database.latencyMs,
      eventStoreReady: database.eventStoreReady,
      uptimeSeconds: (performance.now() - this.startedAt) / 1000,
    });
  }
}
