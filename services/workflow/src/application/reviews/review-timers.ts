import { commandHandler, type Clock, type EventStore, type IdGenerator } from '@tenure/event-sourcing';
import { startTimerWorker, type PendingTimer, type TimerWorker } from '@tenure/event-store-postgres';
import type { Logger } from '@tenure/platform';
import type { Pool } from 'pg';
import { reviewCampaignDecider, type ReviewCampaignCommand } from '../../domain/reviews';
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
  /** A worker of one timer kind that sends its campaign the command the timer asks for. */
  const worker = (kind: string, command: (timer: PendingTimer, now: Date) => ReviewCampaignCommand) =>
    startTimerWorker({
      pool: deps.pool,
      kind,
      clock: deps.clock,
      pollMs: deps.pollMs,
      onError,
      fire: async (timer) => {
        const { campaignId } = timer.payload as { campaignId: string };
        const now = deps.clock.now();
        await handle(reviewCampaignStreamId(campaignId), command(timer, now), {
          commandId: deps.ids.newId(),
          correlationId: timer.timerId,
          actor: { kind: 'system', id: kind },
          now,
        });
      },
    });
  const reminders = worker(REVIEW_REMINDER_TIMER, (timer, now) => ({
    type: 'SendReviewReminders',
    data: { dueAt: timer.dueAt.toISOString(), sentAt: now.toISOString() },
  }));
  const deadlines = worker(REVIEW_DEADLINE_TIMER, (_timer, now) => ({
    type: 'CloseReviewCampaignAtDeadline',
    data: { now: now.toISOString() },
  }));
  return [reminders, deadlines];
}
