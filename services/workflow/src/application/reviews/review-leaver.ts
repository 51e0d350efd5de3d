import { IDENTITY_STREAM_PREFIX, type PublishedIdentityTerminated } from '@tenure/contracts';
import type { Actor, Clock, RecordedEvent } from '@tenure/event-sourcing';
import type { PostgresEventStore } from '@tenure/event-store-postgres';
import type { Logger } from '@tenure/platform';
import { ADMINISTRATORS, personReviewer, type Reviewer } from '../../domain/reviews';
import type { Queryable } from '../../read-model/queryable';
import { openCampaignsTouching } from '../../read-model/workflow-reviews/workflow-reviews.queries';
import { WorkflowFollower } from '../workflow-follower';
import type { ReviewCampaigns } from './review-campaigns';

export const REVIEW_LEAVER_CHECKPOINT = 'workflow-review-leaver';
export const REVIEW_LEAVER_ACTOR: Actor = { kind: 'service', id: 'workflow-review-leaver' };

/**
 * Reviews and the leaver: what the leaver still owed is reassigned to their manager (else the
 * administrators), and pending items about the leaver are withdrawn (`ReviewItemWithdrawn`): the
 * leaver flow revokes all they held, so there is nothing left to decide. Both are decided from each
 * campaign's state, so a termination read again changes nothing.
 */
export class ReviewLeaver {
  private readonly follower: WorkflowFollower;

  constructor(
    private readonly store: PostgresEventStore,
    private readonly campaigns: ReviewCampaigns,
    private readonly clock: Clock,
    readModelsCaughtUp: () => Promise<void>,
    private readonly logger: Logger,
  ) {
    this.follower = new WorkflowFollower({
      store,
      logger,
      name: 'review leaver',
      whileStopped: 'leavers keep their review items',
      checkpoint: REVIEW_LEAVER_CHECKPOINT,
      streamPrefixes: [IDENTITY_STREAM_PREFIX],
      eventTypes: ['IdentityTerminated' satisfies PublishedIdentityTerminated['type']],
      beforeBatch: readModelsCaughtUp,
      // No key: leavers one after the other, in log order, as two leavers often share a campaign.
      answer: (event) => this.answer(event),
    });
  }

  waitUntilCaughtUp(timeoutMs = 30_000): Promise<void> {
    return this.follower.waitUntilCaughtUp(timeoutMs);
  }

  stop(): Promise<void> {
    return this.follower.stop();
  }

  private async answer(event: RecordedEvent): Promise<void> {
    const { identityId, employeeNumber } = event.data as PublishedIdentityTerminated['data'];
    const campaignIds = await openCampaignsTouching(this.store.pool, employeeNumber, identityId);
    if (campaignIds.length === 0) return;
    const to = await successorOf(this.store.pool, employeeNumber);
    const at = this.clock.now().toISOString();
    const cause = { eventId: event.metadata.eventId, correlationId: event.metadata.correlationId };
    let recorded = 0;
    for (const campaignId of campaignIds) {
      recorded += await this.campaigns.apply(
        campaignId,
        { type: 'ReassignReviewerItems', data: { employeeNumber, to, reassignedAt: at } },
        cause,
        REVIEW_LEAVER_ACTOR,
      );
      recorded += await this.campaigns.apply(
        campaignId,
        { type: 'WithdrawItemsAbout', data: { identityId, withdrawnAt: at } },
        cause,
        REVIEW_LEAVER_ACTOR,
      );
    }
    this.logger.info({ employeeNumber, campaigns: campaignIds.length, recorded }, 'review leaver: items reassigned and withdrawn');
  }
}

/** The leaver's manager if they are still here, else the administrators. */
async function successorOf(db: Queryable, employeeNumber: string): Promise<Reviewer> {
  const { rows } = await db.query<{ manager: string | null; manager_status: string | null }>(
    `SELECT w.manager_employee_number AS manager, m.status AS manager_status
       FROM workflow_identities w LEFT JOIN workflow_identities m ON m.employee_number = w.manager_employee_number
      WHERE w.employee_number = $1`,
    [employeeNumber],
  );
  const row = rows[0];
  return row?.manager && row.manager_status !== 'terminated' ? personReviewer(row.manager) : ADMINISTRATORS;
}
