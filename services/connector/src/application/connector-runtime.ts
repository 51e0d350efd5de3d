import type { Clock, IdGenerator } from '@tenure/event-sourcing';
import type { PostgresEventStore } from '@tenure/event-store-postgres';
import type { Logger } from '@tenure/platform';
import { BackgroundWork, type EventStoreSchema } from '@tenure/service-runtime';
import type { ConnectorTypes } from '../connectors/connector-types';
import { applicationsProjection } from '../read-model/applications/applications.projection';
import { connectorAssignmentsProjection, connectorIdentitiesProjection } from '../read-model/desired-state';
import { entitlementsProjection } from '../read-model/entitlements/entitlements.projection';
import { ApplicationAdministration } from './application-administration';
import { ApplicationConnectors } from './application-connectors';
import { CatalogAdministration } from './catalog-administration';
import { ConnectorQueries } from './connector-queries';
import { CredentialsVault } from './credentials/credentials-vault';

export const CONNECTOR_PROJECTIONS = [
  applicationsProjection,
  entitlementsProjection,
  connectorIdentitiesProjection,
  connectorAssignmentsProjection,
] as const;

export interface ConnectorRuntimeDependencies {
  readonly store: PostgresEventStore;
  readonly schema: EventStoreSchema;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly logger: Logger;
  readonly types: ConnectorTypes;
  readonly vault: CredentialsVault;
}

/**
 * The connector service's application, assembled once: applications and their catalogs, the read
 * models on the service runtime's background work, and the queries the subgraph serves.
 */
export class ConnectorRuntime {
  readonly applications: ApplicationAdministration;
  readonly catalog: CatalogAdministration;
  readonly queries: ConnectorQueries;
  private readonly work: BackgroundWork;

  constructor(deps: ConnectorRuntimeDependencies) {
    const { store, clock, ids, types, vault, logger } = deps;
    const connectors = new ApplicationConnectors({ store, types, vault });
    this.applications = new ApplicationAdministration({ store, clock, ids, types, vault });
    this.catalog = new CatalogAdministration({ store, clock, ids, connectors });
    this.queries = new ConnectorQueries({ pool: store.pool, types, readModelsCaughtUp: () => this.readModelsCaughtUp() });
    this.work = new BackgroundWork({ store, schema: deps.schema, logger, projections: CONNECTOR_PROJECTIONS });
  }

  start(): Promise<void> {
    return this.work.start();
  }

  readModelsCaughtUp(timeoutMs = 10_000): Promise<void> {
    return this.work.caughtUp(timeoutMs);
  }

  stop(): Promise<void> {
    return this.work.stop();
  }
}
