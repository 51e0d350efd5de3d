import { commandHandler, type Clock, type EventStore, type IdGenerator } from '@tenure/event-sourcing';
import { startTimerWorker, type TimerWorker } from '@tenure/event-store-postgres';
import type { Logger } from '@tenure/platform';
import type { Pool } from 'pg';
import { reviewCampaignDecider } from '../../domain/reviews';
import { REVIEW_DEADLINE_TIMER, REVIEW_REMINDER_TIMER } from '../../read-model/workflow-reviews/workflow-reviews.projection';
import { reviewCampaignStreamId } from './review-streams';

export interface ReviewTimerDependencies {
  readonly store: EventStore;
  readonly pool: Pool;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly logger: Logger;
  readonly pollMs: number;
}

/**
 * The campaigns' durable timers (scheduled by the workflow-reviews projection): reminders, and the
 * deadline that closes the campaign with its default action. Both decide from the campaign's state:
 * a timer fired twice (a crash after the append) records nothing twice; one that fell due while the
 * service was down fires at the next start.
 */
export function startReviewTimers(deps: ReviewTimerDependencies): TimerWorker[] {
  const handle = commandHandler(deps.store, reviewCampaignDecider, { ids: deps.ids });
  const onError = (timer: { timerId: string }, error: unknown) =>
    deps.logger.error({ err: error, timerId: timer.timerId }, 'review timer failed');
  const reminders = startTimerWorker({
    pool: deps.pool,
    kind: REVIEW_REMINDER_TIMER,
    clock: deps.clock,
    pollMs: deps.pollMs,
    onError,
    fire: async (timer) => {
      const { campaignId } = timer.payload as { campaignId: string };
      const now = deps.clock.now();
      await handle(
        reviewCampaignStreamId(campaignId),
        { type: 'SendReviewReminders', data: { dueAt: timer.dueAt.toISOString(), sentAt: now.toISOString() } },
        { commandId: deps.ids.newId(), correlationId: timer.timerId, actor: { kind: 'system', id: REVIEW_REMINDER_TIMER }, now },
      );
    },
  });
  const deadlines = startTimerWorker({
    pool: deps.pool,
    kind: REVIEW_DEADLINE_TIMER,
    clock: deps.clock,
    pollMs: deps.pollMs,
    onError,
    fire: async (timer) => {
      const { campaignId } = timer.payload as { campaignId: string };
      const now = deps.clock.now();
      await handle(
        reviewCampaignStreamId(campaignId),
        { type: 'CloseReviewCampaignAtDeadline', data: { now: now.toISOString() } },
        { commandId: deps.ids.newId(), correlationId: timer.timerId, actor: { kind: 'system', id: REVIEW_DEADLINE_TIMER }, now },
      );
    },
  });
  return [reminders, deadlines];
}
