import type { Actor, EventStore } from '@tenure/event-sourcing';
import type { ReviewCampaignEvent } from '../../domain/reviews';
import { reviewCampaignStreamId } from './review-streams';

/** One fact of a campaign's history, as auditors read it: what happened, when, by whom. */
export interface ReviewEvidenceEntry {
  readonly type: ReviewCampaignEvent['type'];
  readonly occurredAt: string;
  readonly recordedAt: Date;
  readonly actor: Actor;
  /** The item concerned, for decisions, reassignments and withdrawals. */
  readonly itemId: string | null;
  readonly decision: 'keep' | 'revoke' | null;
  readonly comment: string | null;
  /** The event's own data, whole. */
  readonly data: ReviewCampaignEvent['data'];
}

/**
 * The campaign's evidence from its stream: every event in order, with its actor and time. The read
 * model says where things stand; the stream says who did what when, and is never rewritten.
 */
export async function reviewEvidence(store: EventStore, campaignId: string): Promise<ReviewEvidenceEntry[]> {
  const recorded = await store.readStream(reviewCampaignStreamId(campaignId));
  return recorded.map((event) => {
    const review = { type: event.type, data: event.data } as ReviewCampaignEvent;
    const itemId = 'itemId' in review.data ? review.data.itemId : null;
    return {
      type: review.type,
      occurredAt: event.metadata.occurredAt,
      recordedAt: event.recordedAt,
      actor: event.metadata.actor,
      itemId,
      decision: review.type === 'ReviewItemDecided' ? review.data.decision : null,
      comment: review.type === 'ReviewItemDecided' ? review.data.comment : null,
      data: review.data,
    };
  });
}
