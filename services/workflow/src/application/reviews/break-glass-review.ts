import type { Actor, Clock, RecordedEvent } from '@tenure/event-sourcing';
import type { PostgresEventStore } from '@tenure/event-store-postgres';
import type { Logger } from '@tenure/platform';
import { breakGlassCampaignId } from '../../domain/reviews';
import { heldAssignment } from '../../read-model/workflow-reviews/held-in-scope';
import { WorkflowFollower } from '../workflow-follower';
import type { ReviewCampaigns } from './review-campaigns';
import type { ReviewSettings } from './review-settings';

export const BREAK_GLASS_REVIEW_CHECKPOINT = 'workflow-break-glass-review';
export const BREAK_GLASS_REVIEW_ACTOR: Actor = { kind: 'service', id: 'workflow-break-glass-review' };

/** The access requests' stream prefix and grant event (helper B's `access-request-<requestId>`, `AccessGranted`). */
const ACCESS_REQUEST_STREAM_PREFIX = 'access-request-';

/** The part of `AccessGranted` this process reads. */
interface AccessGrantedData {
  readonly requestId: string;
  readonly identityId: string;
  readonly assignmentId: string;
  readonly breakGlass: boolean;
  readonly applicationId: string;
  readonly entitlementKey: string;
  readonly grantedAt: string;
}

const HOUR_MS = 3_600_000;

/**
 * The break-glass review: access granted at once in an emergency is reviewed at once by the
 * entitlement's owner (else the application's, else the administrators) in a one-item campaign,
 * revoked at the deadline unless confirmed. One campaign per request.
 */
export class BreakGlassReview {
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
      name: 'break-glass review',
      whileStopped: 'grants are not reviewed',
      checkpoint: BREAK_GLASS_REVIEW_CHECKPOINT,
      streamPrefixes: [ACCESS_REQUEST_STREAM_PREFIX],
      eventTypes: ['AccessGranted'],
      needsAnswer: (event) => (event.data as AccessGrantedData).breakGlass === true,
      beforeBatch: readModelsCaughtUp,
      // One campaign per request: different requests' grants are reviewed side by side.
      keyOf: (event) => event.streamId,
      answer: (grant) => this.review(grant),
    });
  }

  waitUntilCaughtUp(timeoutMs = 30_000): Promise<void> {
    return this.follower.waitUntilCaughtUp(timeoutMs);
  }

  stop(): Promise<void> {
    return this.follower.stop();
  }

  private async review(grant: RecordedEvent): Promise<void> {
    const { requestId, identityId, assignmentId } = grant.data as AccessGrantedData;
    const held = await heldAssignment(this.store.pool, assignmentId);
    if (!held) {
      this.logger.info({ requestId, assignmentId }, 'break-glass review: the grant is no longer held, nothing to review');
      return;
    }
    await this.campaigns.open({
      campaignId: breakGlassCampaignId(requestId),
      name: `Break-glass review: ${held.employeeNumber} ${held.applicationId}/${held.entitlementKey}`,
      scope: { kind: 'break-glass', requestId, identityId, assignmentId },
      reviewerRule: 'entitlement-owner',
      held: [held],
      deadline: new Date(this.clock.now().getTime() + this.settings.breakGlassReviewHours * HOUR_MS),
      defaultAction: 'revoke',
      managerFallback: false,
      cause: { eventId: grant.metadata.eventId, correlationId: grant.metadata.correlationId },
      actor: BREAK_GLASS_REVIEW_ACTOR,
    });
  }
}
