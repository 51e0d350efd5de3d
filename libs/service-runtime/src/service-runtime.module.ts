import { type BeforeApplicationShutdown, type DynamicModule, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { randomIds, systemClock } from '@tenure/event-sourcing';
import type { PersonalDataMasterKey } from '@tenure/personal-data';
import type { Logger } from '@tenure/platform';
import { stopTracing } from '@tenure/tracing';
import { EventStoreModule } from './event-store/event-store.module';
import { DatabaseProbe } from './health/database-probe';
import { HealthController } from './health/health.controller';
import { ServiceHealthReporter } from './health/service-health-reporter';
import { parseTokenList } from './admin/known-token';
import { MetricsController } from './metrics/metrics.controller';
import { ServiceMetrics } from './metrics/service-metrics';
import type { ServiceInfo } from './service-definition';
import { CLOCK, ID_GENERATOR, LOGGER, METRICS_TOKENS, SERVICE_INFO } from './service-runtime.tokens';

export interface ServiceRuntimeOptions {
  readonly service: ServiceInfo;
  readonly databaseUrl: string;
  readonly logger: Logger;
  /** The master key of personal data (PERSONAL_DATA_KEY); null without one, outside production only. */
  readonly personalDataKey: PersonalDataMasterKey | null;
}

/**
 * What every service runs on: /health and /ready, /metrics (Prometheus), its event store, its logger and the reporter of
 * its health, its clock and id generator. Global, so a service's own module injects `EVENT_STORE`,
 * `LOGGER`, `CLOCK`, `ID_GENERATOR`, `ServiceHealthReporter` and `ServiceMetrics` without importing anything.
 */
@Module({})
export class ServiceRuntimeModule implements BeforeApplicationShutdown, OnApplicationShutdown {
  static forRoot(options: ServiceRuntimeOptions): DynamicModule {
    return {
      module: ServiceRuntimeModule,
      global: true,
      imports: [
        EventStoreModule.forRoot({ databaseUrl: options.databaseUrl, logger: options.logger, personalDataKey: options.personalDataKey }),
      ],
      controllers: [HealthController, MetricsController],
      providers: [
        { provide: LOGGER, useValue: options.logger },
        { provide: SERVICE_INFO, useValue: { name: options.service.name, version: options.service.version } },
        { provide: CLOCK, useValue: systemClock },
        { provide: ID_GENERATOR, useValue: randomIds },
        { provide: METRICS_TOKENS, useFactory: () => parseTokenList(process.env['METRICS_TOKENS']) },
        DatabaseProbe,
        ServiceHealthReporter,
        ServiceMetrics,
      ],
      exports: [LOGGER, SERVICE_INFO, CLOCK, ID_GENERATOR, ServiceHealthReporter, ServiceMetrics, EventStoreModule],
    };
  }

  constructor(@Inject(LOGGER) private readonly logger: Logger) {}

  beforeApplicationShutdown(signal?: string): void {
    this.logger.info({ signal }, 'shutting down');
  }

  /** Last, once every request and background job has ended: their spans still buffered are sent before the exit. */
  async onApplicationShutdown(): Promise<void> {
    await stopTracing();
  }
}
