import type { Clock, IdGenerator } from '@tenure/event-sourcing';
import type { PostgresEventStore } from '@tenure/event-store-postgres';
import type { Logger } from '@tenure/platform';
import type { Stoppable } from '@tenure/service-runtime';
import { AssignmentsWriter } from '../assignments-writer';
import { BreakGlassReview } from './break-glass-review';
import { MoverReview } from './mover-review';
import { ReviewCampaigns } from './review-campaigns';
import { ReviewExecution } from './review-execution';
import { ReviewLeaver } from './review-leaver';
import type { ReviewSettings } from './review-settings';
import { startReviewTimers } from './review-timers';

export interface ReviewsDependencies {
  readonly store: PostgresEventStore;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly logger: Logger;
  readonly settings: ReviewSettings;
  readonly readModelsCaughtUp: () => Promise<void>;
}

/**
 * Access reviews assembled: the campaigns service (for the subgraph), and what runs in the
 * background — reminder and deadline timers, the execution of revocations, the mover, break-glass
 * and leaver processes.
 */
export class Reviews {
  readonly campaigns: ReviewCampaigns;
  private running: { execution: ReviewExecution; mover: MoverReview; breakGlass: BreakGlassReview; leaver: ReviewLeaver } | undefined;

  constructor(private readonly deps: ReviewsDependencies) {
    this.campaigns = new ReviewCampaigns({ ...deps, pool: deps.store.pool });
  }

  /** Starts the background parts (called from the runtime's `startExtras`, once the schema is applied). */
  start(): Stoppable[] {
    const { store, clock, ids, logger, settings, readModelsCaughtUp } = this.deps;
    const writer = new AssignmentsWriter(store, ids);
    this.running = {
      execution: new ReviewExecution(store, writer, clock, logger),
      mover: new MoverReview(store, this.campaigns, clock, settings, readModelsCaughtUp, logger),
      breakGlass: new BreakGlassReview(store, this.campaigns, clock, settings, readModelsCaughtUp, logger),
      leaver: new ReviewLeaver(store, this.campaigns, clock, readModelsCaughtUp, logger),
    };
    const timers = startReviewTimers({ store, pool: store.pool, clock, ids, logger, pollMs: settings.timerPollMs });
    return [...Object.values(this.running), ...timers];
  }

  /** Resolves when the review processes have answered everything committed so far (tests). */
  async processesCaughtUp(timeoutMs = 30_000): Promise<void> {
    if (!this.running) return;
    const { mover, breakGlass, leaver, execution } = this.running;
    await Promise.all([mover.waitUntilCaughtUp(timeoutMs), breakGlass.waitUntilCaughtUp(timeoutMs), leaver.waitUntilCaughtUp(timeoutMs)]);
    await execution.waitUntilCaughtUp(timeoutMs);
  }
}
