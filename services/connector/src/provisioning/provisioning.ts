import type { Clock, IdGenerator } from '@tenure/event-sourcing';
import type { PostgresEventStore } from '@tenure/event-store-postgres';
import type { Logger } from '@tenure/platform';
import { healthDetailsOf, type Stoppable } from '@tenure/service-runtime';
import type { ApplicationConnectors } from '../application/application-connectors';
import type { CredentialsVault } from '../application/credentials/credentials-vault';
import { CircuitBreakers } from './circuit-breaker';
import { OperationAdministration } from './operation-administration';
import { OperationPlanner, PLANNER_READ_MODELS } from './operation-planner';
import { OperationRunner } from './operation-runner';
import type { ProvisioningMetrics } from './provisioning-metrics';
import { ProvisioningQueries } from './provisioning-queries';
import type { ProvisioningSettings } from './provisioning-settings';
import { ProvisioningWorker } from './provisioning-worker';

export interface ProvisioningDependencies {
  readonly store: PostgresEventStore;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  /** Draws in [0, 1) for the retries' jitter. */
  readonly random: () => number;
  readonly logger: Logger;
  readonly connectors: ApplicationConnectors;
  readonly vault: CredentialsVault;
  readonly settings: ProvisioningSettings;
  /** Waits until the read models (all, or those named) have applied everything committed so far. */
  readonly readModelsCaughtUp: (only?: readonly string[]) => Promise<void>;
  /** Default: none kept. */
  readonly metrics?: ProvisioningMetrics;
}

/**
 * Provisioning assembled: the planner (assignment and termination events to operations), the
 * worker (operations to the targets), what administrators and task owners do, and the queries.
 * The planner and the worker start with the read models and stop before them.
 */
export class Provisioning {
  readonly administration: OperationAdministration;
  readonly queries: ProvisioningQueries;
  private readonly circuits: CircuitBreakers;
  private planner: OperationPlanner | undefined;
  private worker: ProvisioningWorker | undefined;

  constructor(private readonly deps: ProvisioningDependencies) {
    const { store, clock, ids } = deps;
    this.circuits = new CircuitBreakers(clock, deps.settings.circuit);
    this.administration = new OperationAdministration({ store, clock, ids });
    this.queries = new ProvisioningQueries({ pool: store.pool, clock, circuits: this.circuits });
    healthDetailsOf(store).report('connectors', () => this.circuits.summary());
  }

  /** For BackgroundWork's startExtras: nothing when this instance does not run the worker. */
  start(): readonly Stoppable[] {
    const { store, clock, ids, random, logger, connectors, vault, settings, readModelsCaughtUp } = this.deps;
    if (!settings.worker) return [];
    this.planner = new OperationPlanner({ store, clock, logger, readModelsCaughtUp: () => readModelsCaughtUp(PLANNER_READ_MODELS) });
    const runner = new OperationRunner({
      store,
      db: store.pool,
      clock,
      ids,
      random,
      retryPolicy: settings.retryPolicy,
      logger,
      readModelsCaughtUp,
      ...(this.deps.metrics ? { metrics: this.deps.metrics } : {}),
    });
    this.worker = new ProvisioningWorker({
      store,
      connectors,
      vault,
      runner,
      circuits: this.circuits,
      clock,
      logger,
      readModelsCaughtUp,
      concurrency: settings.concurrency,
      pollMs: settings.pollMs,
      lingerMs: settings.lingerMs,
    });
    return [this.planner, this.worker];
  }

  /** Resolves once every assignment and termination committed so far has become operations. */
  async plannerCaughtUp(timeoutMs = 10_000): Promise<void> {
    await this.planner?.waitUntilCaughtUp(timeoutMs);
  }

  /** Look for due work now rather than at the next poll (tests move the clock and say so). */
  kick(): void {
    this.worker?.kick();
  }
}
