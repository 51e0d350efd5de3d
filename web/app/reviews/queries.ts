import 'server-only';
import { catalogEntries, type CatalogEntry } from '@/components/admin/catalog';
import { peopleById, type PersonSummary } from '@/components/admin/directory';
import { entitlementId } from '@/components/admin/format';
import { readsEverything } from '@/components/admin/roles';
import { REVIEW_CAMPAIGN_FIELDS, REVIEW_ITEM_FIELDS, type ReviewCampaign, type ReviewItem } from '@/components/reviews/review-types';
import { graphql } from '@/lib/graphql';
import type { Session } from '@/lib/session';

export interface ReviewRow {
  item: ReviewItem;
  person: PersonSummary | null;
  catalog: CatalogEntry | null;
}

export interface ReviewsView {
  /** Every item the caller owes or owed, newest campaign first (as the API orders them). */
  rows: ReviewRow[];
  /** Whole campaigns: administrators and auditors only (the API refuses them to reviewers). */
  campaigns: ReviewCampaign[] | null;
}

export async function reviewsView(session: Session): Promise<ReviewsView> {
  const reader = readsEverything(session);
  const answer = await graphql<{ myReviewItems: ReviewItem[]; reviewCampaigns?: ReviewCampaign[] }>(
    `query MyReviews($reader: Boolean!) {
      myReviewItems { ${REVIEW_ITEM_FIELDS} }
      reviewCampaigns(first: 200) @include(if: $reader) { ${REVIEW_CAMPAIGN_FIELDS} }
    }`,
    { reader },
  );
  const items = answer.myReviewItems;
  const [people, catalog] = await Promise.all([peopleById(items.map((item) => item.identityId)), catalogEntries(items)]);
  return {
    rows: items.map((item) => ({
      item,
      person: people.get(item.identityId) ?? null,
      catalog: catalog.get(entitlementId(item.applicationId, item.entitlementKey)) ?? null,
    })),
    campaigns: answer.reviewCampaigns ?? null,
  };
}

/** Applications to offer when starting a campaign. */
export async function applicationChoices(): Promise<{ id: string; name: string }[]> {
  return (await graphql<{ applications: { id: string; name: string }[] }>('query ApplicationChoices { applications { id name } }'))
    .applications;
}
