import { type BeforeApplicationShutdown, Inject, Injectable, Module, type OnApplicationBootstrap } from '@nestjs/common';
import type { Clock, IdGenerator } from '@tenure/event-sourcing';
import type { PostgresEventStore } from '@tenure/event-store-postgres';
import type { Logger } from '@tenure/platform';
import { CLOCK, EVENT_STORE, EventStoreSchema, ID_GENERATOR, LOGGER, ServiceMetrics } from '@tenure/service-runtime';
import { connectorTypes } from '../connectors/connector-types';
import { OperationAdministration } from '../provisioning/operation-administration';
import { ProvisioningQueries } from '../provisioning/provisioning-queries';
import { provisioningSettingsFrom } from '../provisioning/provisioning-settings';
import { reconciliationSettingsFrom } from '../reconciliation/reconciliation-settings';
import { ApplicationAdministration } from './application-administration';
import { CatalogAdministration } from './catalog-administration';
import { ConnectorQueries } from './connector-queries';
import { ConnectorRuntime } from './connector-runtime';
import { CredentialsVault } from './credentials/credentials-vault';

/** Starts the read models with the service, and stops them before the store closes. */
@Injectable()
export class ConnectorBackground implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(@Inject(ConnectorRuntime) private readonly runtime: ConnectorRuntime) {}

  onApplicationBootstrap(): Promise<void> {
    return this.runtime.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.runtime.stop();
  }
}

/** The connector application for the subgraph: import this module and inject the administrations and queries. */
@Module({
  providers: [
    {
      provide: ConnectorRuntime,
      inject: [EVENT_STORE, EventStoreSchema, CLOCK, ID_GENERATOR, LOGGER, ServiceMetrics],
      useFactory: (
        store: PostgresEventStore,
        schema: EventStoreSchema,
        clock: Clock,
        ids: IdGenerator,
        logger: Logger,
        metrics: ServiceMetrics,
      ) =>
        new ConnectorRuntime({
          store,
          schema,
          clock,
          ids,
          logger,
          metrics,
          types: connectorTypes,
          vault: new CredentialsVault(process.env),
          provisioning: provisioningSettingsFrom(process.env),
          reconciliation: reconciliationSettingsFrom(process.env),
        }),
    },
    { provide: ApplicationAdministration, inject: [ConnectorRuntime], useFactory: (runtime: ConnectorRuntime) => runtime.applications },
    { provide: CatalogAdministration, inject: [ConnectorRuntime], useFactory: (runtime: ConnectorRuntime) => runtime.catalog },
    { provide: ConnectorQueries, inject: [ConnectorRuntime], useFactory: (runtime: ConnectorRuntime) => runtime.queries },
    {
      provide: OperationAdministration,
      inject: [ConnectorRuntime],
      useFactory: (runtime: ConnectorRuntime) => runtime.provisioning.administration,
    },
    { provide: ProvisioningQueries, inject: [ConnectorRuntime], useFactory: (runtime: ConnectorRuntime) => runtime.provisioning.queries },
    ConnectorBackground,
  ],
  exports: [
    ApplicationAdministration,
    CatalogAdministration,
    ConnectorQueries,
    ConnectorRuntime,
    OperationAdministration,
    ProvisioningQueries,
  ],
})
export class ConnectorApplicationModule {}
