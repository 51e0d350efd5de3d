import { DomainError, type Actor, type Clock, type IdGenerator } from '@tenure/event-sourcing';
import type { PostgresEventStore } from '@tenure/event-store-postgres';
import type { Logger } from '@tenure/platform';
import type { Stoppable } from '@tenure/service-runtime';
import type { ApplicationConnectors } from '../application/application-connectors';
import { ReconciliationQueries } from './reconciliation-queries';
import { ReconciliationScheduler } from './reconciliation-scheduler';
import { ReconciliationService, type RunRequest } from './reconciliation-service';
import { repeatEvery } from './repeat-every';
import { DEFAULT_RECONCILIATION_SETTINGS, type ReconciliationSettings } from './reconciliation-settings';

/** Who ends runs a stopped instance left running. */
export const SWEEPER: Actor = { kind: 'system', id: 'reconciliation-sweep' };

export interface ReconciliationDeps {
  readonly store: PostgresEventStore;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly logger: Logger;
  readonly connectors: ApplicationConnectors;
  readonly readModelsCaughtUp: () => Promise<void>;
  readonly settings?: ReconciliationSettings;
}

/** Reconciliation in the connector service: runs on demand and on schedule, drift remediation, and its queries. */
export class Reconciliation {
  readonly service: ReconciliationService;
  readonly queries: ReconciliationQueries;
  readonly scheduler: ReconciliationScheduler;
  private readonly settings: ReconciliationSettings;
  private readonly logger: Logger;
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(deps: ReconciliationDeps) {
    const { store, clock, ids, logger, connectors, readModelsCaughtUp } = deps;
    this.settings = deps.settings ?? DEFAULT_RECONCILIATION_SETTINGS;
    this.logger = logger;
    this.service = new ReconciliationService({ store, clock, ids, connectors, readModelsCaughtUp, options: this.settings.options });
    this.queries = new ReconciliationQueries({ pool: store.pool, readModelsCaughtUp });
    this.scheduler = new ReconciliationScheduler({ pool: store.pool, clock, service: this.service, logger });
  }

  /**
   * Starts a run and resolves with its id as soon as it is recorded; the run goes on in the
   * background (a target of 100,000 accounts takes a while) and is followed in the read model.
   * Refused at once when the application is unknown, manual, or being reconciled.
   */
  begin(applicationId: string, request: RunRequest): Promise<string> {
    return new Promise<string>((resolve, reject) => {
      let started = false;
      const running: Promise<unknown> = this.service
        .run(applicationId, request, (runId) => {
          started = true;
          resolve(runId);
        })
        .then(() => {
          // Only a scheduled run ends without starting (reconciled meanwhile); said for completeness.
          if (!started) reject(new DomainError('conflict', `application "${applicationId}" was reconciled meanwhile`, { applicationId }));
        })
        .catch((error: unknown) => {
          // Before the start, the caller hears it; after, the run's failure event says it, unless recording it failed too.
          if (started) this.logger.error({ err: error, applicationId }, 'reconciliation run failed');
          else reject(error);
        })
        .finally(() => this.inFlight.delete(running));
      this.inFlight.add(running);
    });
  }

  /**
   * The sweep for runs a stopped instance left running, the scheduler when this process runs one,
   * and, on stop, a wait for runs begun on request.
   */
  start(): readonly Stoppable[] {
    const inFlight: Stoppable = { stop: async () => void (await Promise.allSettled([...this.inFlight])) };
    const sweep = repeatEvery(
      this.settings.interruptedRunSweepMs,
      async () => {
        const ended = await this.service.endInterruptedRuns(SWEEPER);
        if (ended.length > 0)
          this.logger.warn({ runIds: ended }, 'reconciliation runs left running by a stopped instance ended as abandoned');
      },
      this.logger,
      'the sweep for interrupted reconciliation runs failed',
    );
    const scheduled = this.settings.schedulerCheckMs === null ? [] : [this.scheduler.start(this.settings.schedulerCheckMs)];
    return [sweep, ...scheduled, inFlight];
  }
}
