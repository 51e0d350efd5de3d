import { IDENTITY_STREAM_PREFIX, type PublishedIdentityChanged } from '@tenure/contracts';
import type { Actor, Clock, RecordedEvent } from '@tenure/event-sourcing';
import type { PostgresEventStore } from '@tenure/event-store-postgres';
import type { Logger } from '@tenure/platform';
import { moverCampaignId } from '../../domain/reviews';
import { heldByIdentities } from '../../read-model/workflow-reviews/held-in-scope';
import { WorkflowFollower } from '../workflow-follower';
import type { ReviewCampaigns } from './review-campaigns';
import type { ReviewSettings } from './review-settings';

export const MOVER_REVIEW_CHECKPOINT = 'workflow-mover-review';
export const MOVER_REVIEW_ACTOR: Actor = { kind: 'service', id: 'workflow-mover-review' };

const DAY_MS = 86_400_000;
/** A move that changes none of these (a cost center, a location) leaves the person's work as it was: nothing to review. */
const MOVE_ATTRIBUTES = ['department', 'title', 'managerEmployeeNumber'] as const;

/** Whether the move changes the work someone does (department, title or manager), so the access they kept is reviewed. */
export function movesWork(event: PublishedIdentityChanged): boolean {
  return MOVE_ATTRIBUTES.some((attribute) => attribute in event.data.after);
}

/**
 * The mover review: after a move, everything the person holds that is not birthright (birthright
 * follows the new position on its own) goes into a `mover` campaign for the new manager, with the
 * mover deadline and revoke as the default. One campaign per move event (its id comes from the
 * event's id), so a batch answered again opens nothing twice; no campaign when nothing is held.
 */
export class MoverReview {
  private readonly follower: WorkflowFollower;

  constructor(
    private readonly store: PostgresEventStore,
    private readonly campaigns: ReviewCampaigns,
    private readonly clock: Clock,
    private readonly settings: ReviewSettings,
    readModelsCaughtUp: () => Promise<void>,
    private readonly logger: Logger,
  ) {
    this.follower = new WorkflowFollower({
      store,
      logger,
      name: 'mover review',
      whileStopped: 'moves are not reviewed',
      checkpoint: MOVER_REVIEW_CHECKPOINT,
      streamPrefixes: [IDENTITY_STREAM_PREFIX],
      eventTypes: ['IdentityMoved' satisfies PublishedIdentityChanged['type']],
      needsAnswer: (event) => movesWork({ type: 'IdentityMoved', data: event.data } as PublishedIdentityChanged),
      // The directory copy and the assignments must include the moves being answered.
      beforeBatch: readModelsCaughtUp,
      // One person's moves in log order (each reviews what they hold then); different people side by side.
      keyOf: (event) => (event.data as PublishedIdentityChanged['data']).identityId,
      answer: (move) => this.review(move),
    });
  }

  waitUntilCaughtUp(timeoutMs = 30_000): Promise<void> {
    return this.follower.waitUntilCaughtUp(timeoutMs);
  }

  stop(): Promise<void> {
    return this.follower.stop();
  }

  private async review(move: RecordedEvent): Promise<void> {
    const { identityId, after } = move.data as PublishedIdentityChanged['data'];
    const held = (await heldByIdentities(this.store.pool, [identityId])).filter((assignment) => assignment.source.kind !== 'birthright');
    const subject = held[0];
    if (!subject) {
      this.logger.debug({ identityId, move: move.metadata.eventId }, 'mover review: nothing but birthright held');
      return;
    }
    const newManager = 'managerEmployeeNumber' in after ? (after.managerEmployeeNumber ?? null) : subject.managerEmployeeNumber;
    const opened = await this.campaigns.open({
      campaignId: moverCampaignId(move.metadata.eventId),
      name: `Mover review: ${subject.employeeNumber}`,
      scope: { kind: 'mover', identityId, moveEventId: move.metadata.eventId, newManagerEmployeeNumber: newManager },
      reviewerRule: 'manager',
      held,
      deadline: new Date(this.clock.now().getTime() + this.settings.moverReviewDays * DAY_MS),
      defaultAction: 'revoke',
      cause: { eventId: move.metadata.eventId, correlationId: move.metadata.correlationId },
      actor: MOVER_REVIEW_ACTOR,
    });
    if (opened) this.logger.info({ identityId, items: held.length }, 'mover review opened');
  }
}
