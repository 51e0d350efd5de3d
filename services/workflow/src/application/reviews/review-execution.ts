import type { Actor, Clock, RecordedEvent } from '@tenure/event-sourcing';
import type { PostgresEventStore } from '@tenure/event-store-postgres';
import type { Logger } from '@tenure/platform';
import { heldAssignments } from '../../domain/assignments';
import { commands, ignored } from '../../domain/process-outcome';
import type { ReviewCampaignClosed, ReviewItemDecided } from '../../domain/reviews';
import type { AssignmentsWriter } from '../assignments-writer';
import { WorkflowFollower } from '../workflow-follower';
import { REVIEW_CAMPAIGN_STREAM_PREFIX } from './review-streams';

export const REVIEW_EXECUTION_CHECKPOINT = 'workflow-review-execution';
export const REVIEW_EXECUTION_ACTOR: Actor = { kind: 'service', id: 'workflow-review-execution' };

const HANDLED: readonly (ReviewItemDecided | ReviewCampaignClosed)['type'][] = ['ReviewItemDecided', 'ReviewCampaignClosed'];

interface Revocation {
  readonly assignmentId: string;
  readonly identityId: string;
}

/** The assignments a review event revokes: a revoke decision, or the items defaulted to revoke at the deadline. */
export function revocationsOf(event: RecordedEvent): Revocation[] {
  const review = { type: event.type, data: event.data } as ReviewItemDecided | ReviewCampaignClosed;
  switch (review.type) {
    case 'ReviewItemDecided':
      return review.data.decision === 'revoke' ? [{ assignmentId: review.data.assignmentId, identityId: review.data.identityId }] : [];
    case 'ReviewCampaignClosed':
      return review.data.defaultAction === 'revoke'
        ? review.data.defaulted.map(({ assignmentId, identityId }) => ({ assignmentId, identityId }))
        : [];
    default:
      return [];
  }
}

/**
 * Carries out what reviews decided: each revoke decision, and each item defaulted to revoke at the
 * deadline, revokes its assignment (reason `review`). Decided from the assignments' state, so a
 * batch answered again after a crash, or an assignment revoked meanwhile (leaver, expiry), revokes
 * nothing twice.
 */
export class ReviewExecution {
  private readonly follower: WorkflowFollower;

  constructor(
    store: PostgresEventStore,
    private readonly writer: AssignmentsWriter,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {
    this.follower = new WorkflowFollower({
      store,
      logger,
      name: 'review execution',
      whileStopped: 'review revocations wait',
      checkpoint: REVIEW_EXECUTION_CHECKPOINT,
      streamPrefixes: [REVIEW_CAMPAIGN_STREAM_PREFIX],
      eventTypes: HANDLED,
      // One campaign's decisions and closing in log order; different campaigns side by side (two
      // revoking for one identity meet at its assignments' expected revision, and the writer decides again).
      keyOf: (event) => event.streamId,
      answer: (event) => this.revokeFor(event),
    });
  }

  waitUntilCaughtUp(timeoutMs = 30_000): Promise<void> {
    return this.follower.waitUntilCaughtUp(timeoutMs);
  }

  stop(): Promise<void> {
    return this.follower.stop();
  }

  private async revokeFor(event: RecordedEvent): Promise<void> {
    for (const { assignmentId, identityId } of revocationsOf(event)) {
      const now = this.clock.now();
      const { outcome } = await this.writer.write(
        identityId,
        (state) =>
          heldAssignments(state).some((held) => held.assignmentId === assignmentId)
            ? commands({ type: 'RevokeAssignment', data: { assignmentId, reason: 'review', revokedAt: now.toISOString() } })
            : ignored(`assignment ${assignmentId} is no longer held`),
        { causationId: event.metadata.eventId, correlationId: event.metadata.correlationId, actor: REVIEW_EXECUTION_ACTOR, now },
      );
      if (outcome.kind === 'ignored') this.logger.debug({ assignmentId, reason: outcome.reason }, 'review execution: nothing to revoke');
      else this.logger.info({ assignmentId, identityId, cause: event.type }, 'review execution: assignment revoked');
    }
  }
}
