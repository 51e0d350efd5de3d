import type { Clock, IdGenerator } from '@tenure/event-sourcing';
import type { PostgresEventStore } from '@tenure/event-store-postgres';
import type { Logger } from '@tenure/platform';
import { BackgroundWork, type SchemaReadiness, type ServiceMetrics } from '@tenure/service-runtime';
import type { ConnectorTypes } from '../connectors/connector-types';
import { applicationsProjection } from '../read-model/applications/applications.projection';
import { connectorAssignmentsProjection, connectorIdentitiesProjection } from '../read-model/desired-state';
import { entitlementsProjection } from '../read-model/entitlements/entitlements.projection';
import { accountsProjection } from '../read-model/accounts/accounts.projection';
import { operationsProjection } from '../read-model/operations/operations.projection';
import { Provisioning } from '../provisioning/provisioning';
import { prometheusProvisioningMetrics } from '../provisioning/provisioning-metrics';
import { DEFAULT_PROVISIONING_SETTINGS, type ProvisioningSettings } from '../provisioning/provisioning-settings';
import { driftProjection } from '../read-model/reconciliation/drift.projection';
import { reconciliationRunsProjection } from '../read-model/reconciliation/reconciliation-runs.projection';
import { provisioningTimingsProjection } from '../read-model/reports/provisioning-timings.projection';
import { Reconciliation } from '../reconciliation/reconciliation';
import type { ReconciliationSettings } from '../reconciliation/reconciliation-settings';
import { ApplicationAdministration } from './application-administration';
import { ApplicationConnectors } from './application-connectors';
import { ConnectorReports } from './compliance-reports';
import { CatalogAdministration } from './catalog-administration';
import { ConnectorQueries } from './connector-queries';
import { CredentialsVault } from './credentials/credentials-vault';

export const CONNECTOR_PROJECTIONS = [
  applicationsProjection,
  entitlementsProjection,
  connectorIdentitiesProjection,
  connectorAssignmentsProjection,
  operationsProjection,
  accountsProjection,
  reconciliationRunsProjection,
  driftProjection,
  provisioningTimingsProjection,
] as const;

export interface ConnectorRuntimeDependencies {
  readonly store: PostgresEventStore;
  readonly schema: SchemaReadiness;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly logger: Logger;
  readonly types: ConnectorTypes;
  readonly vault: CredentialsVault;
  /** Default: DEFAULT_PROVISIONING_SETTINGS (the service reads them from the environment). */
  readonly provisioning?: ProvisioningSettings;
  /** Draws in [0, 1) for the retries' jitter; default Math.random. */
  readonly random?: () => number;
  /** Default: DEFAULT_RECONCILIATION_SETTINGS (the service reads them from the environment). */
  readonly reconciliation?: ReconciliationSettings;
  /** The service's Prometheus metrics; default: none kept (tests). */
  readonly metrics?: ServiceMetrics;
}

/**
 * The connector service's application, assembled once: applications and their catalogs, the read
 * models on the service runtime's background work, and the queries the subgraph serves.
 */
export class ConnectorRuntime {
  readonly applications: ApplicationAdministration;
  readonly catalog: CatalogAdministration;
  readonly queries: ConnectorQueries;
  readonly provisioning: Provisioning;
  readonly reconciliation: Reconciliation;
  readonly reports: ConnectorReports;
  private readonly work: BackgroundWork;

  constructor(deps: ConnectorRuntimeDependencies) {
    const { store, clock, ids, types, vault, logger } = deps;
    const connectors = new ApplicationConnectors({ store, types, vault });
    this.applications = new ApplicationAdministration({ store, clock, ids, types, vault });
    this.catalog = new CatalogAdministration({ store, clock, ids, connectors });
    this.reports = new ConnectorReports({ pool: store.pool, clock });
    this.queries = new ConnectorQueries({ pool: store.pool, types, readModelsCaughtUp: () => this.readModelsCaughtUp() });
    this.provisioning = new Provisioning({
      store,
      clock,
      ids,
      random: deps.random ?? Math.random,
      logger,
      connectors,
      vault,
      settings: deps.provisioning ?? DEFAULT_PROVISIONING_SETTINGS,
      readModelsCaughtUp: (only) => this.readModelsCaughtUp(10_000, only),
      ...(deps.metrics ? { metrics: prometheusProvisioningMetrics(deps.metrics, store.pool) } : {}),
    });
    this.reconciliation = new Reconciliation({
      store,
      clock,
      ids,
      logger,
      connectors,
      readModelsCaughtUp: () => this.readModelsCaughtUp(),
      ...(deps.reconciliation ? { settings: deps.reconciliation } : {}),
    });
    this.work = new BackgroundWork({
      store,
      schema: deps.schema,
      logger,
      projections: CONNECTOR_PROJECTIONS,
      startExtras: () => [...this.provisioning.start(), ...this.reconciliation.start()],
    });
  }

  start(): Promise<void> {
    return this.work.start();
  }

  readModelsCaughtUp(timeoutMs = 10_000, only?: readonly string[]): Promise<void> {
    return this.work.caughtUp(timeoutMs, only);
  }

  stop(): Promise<void> {
    return this.work.stop();
  }
}
