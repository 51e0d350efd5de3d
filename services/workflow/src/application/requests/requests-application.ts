import type { Clock, IdGenerator } from '@tenure/event-sourcing';
import type { PostgresEventStore, TimerWorker } from '@tenure/event-store-postgres';
import type { Logger } from '@tenure/platform';
import type { Stoppable } from '@tenure/service-runtime';
import type { LatestPolicy } from '../latest-policy';
import { AccessRequestQueries } from './access-request-queries';
import { AccessRequests } from './access-requests';
import { startApprovalEscalationTimer } from './approval-escalation-timer';
import type { SodBlockingCheck, ValidExceptions } from './request-collaborators';
import { RequestFulfilment } from './request-fulfilment';
import { RequestLeaver } from './request-leaver';
import type { RequestSettings } from './request-settings';

export interface RequestsApplicationDependencies {
  readonly store: PostgresEventStore;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly logger: Logger;
  readonly latest: LatestPolicy;
  readonly sodGate: SodBlockingCheck;
  readonly validExceptions: ValidExceptions;
  readonly settings: RequestSettings;
  readonly readModelsCaughtUp: () => Promise<void>;
}

/**
 * Just-in-time access requests, assembled: the commands (`requests`) and queries for the subgraph,
 * and, once started, the fulfilment and leaver followers and the escalation timer.
 */
export class RequestsApplication {
  readonly requests: AccessRequests;
  readonly queries: AccessRequestQueries;
  private fulfilment: RequestFulfilment | undefined;
  private leaver: RequestLeaver | undefined;
  private escalation: TimerWorker | undefined;

  constructor(private readonly deps: RequestsApplicationDependencies) {
    const { store, clock, ids, latest, validExceptions, settings } = deps;
    this.requests = new AccessRequests({ store, pool: store.pool, clock, ids, latest, validExceptions, settings });
    this.queries = new AccessRequestQueries(store.pool);
  }

  /** Starts the followers and the timer (the background work's extras). */
  start(): Stoppable[] {
    const { store, clock, ids, logger, sodGate, settings, readModelsCaughtUp } = this.deps;
    this.fulfilment = new RequestFulfilment({ store, clock, ids, logger, sodGate, readModelsCaughtUp });
    this.leaver = new RequestLeaver({ store, clock, ids, logger, readModelsCaughtUp });
    this.escalation = startApprovalEscalationTimer(
      { store, pool: store.pool, clock, ids, logger, escalationMs: settings.escalationMs },
      settings.timerPollMs,
    );
    return [this.fulfilment, this.leaver, this.escalation];
  }

  /** Resolves when approvals and terminations committed so far are answered (assignments added, requests cancelled). */
  async caughtUp(timeoutMs = 30_000): Promise<void> {
    await this.fulfilment?.waitUntilCaughtUp(timeoutMs);
    await this.leaver?.waitUntilCaughtUp(timeoutMs);
  }

  /** Escalates every step due now (tests move the clock instead of waiting for the poll). */
  async escalateDue(): Promise<number> {
    return (await this.escalation?.fireDue()) ?? 0;
  }
}
