import type { EvidenceKind, EvidenceRow } from '../evidence-kind';
import { EvidenceSourceError } from '../gateway-client';

// Campaigns first, then each campaign's items: one query for all of them would be over the gateway's
// cost limit, which also bounds one page of items (`items` has no cursor yet): a campaign with more
// items than a page is refused rather than exported in part.
const ITEMS_PER_CAMPAIGN = 400;
const CAMPAIGNS = `query AccessReviewCampaigns($first: Int!) {
  reviewCampaigns(first: $first) { id name scopeKind scopeTarget status startedBy startedAt deadline closedAt defaultAction }
}`;
const ITEMS = `query AccessReviewItems($id: ID!) {
  reviewCampaign(id: $id) {
    items(first: ${ITEMS_PER_CAMPAIGN}) { id employeeNumber applicationId entitlementKey source { kind reference } reviewer { employeeNumber }
      status decision comment decidedBy decidedAt reassignedFrom }
  }
}`;

type Campaign = CampaignHeader & { readonly items: Item[] };

interface CampaignHeader {
  readonly id: string;
  readonly name: string;
  readonly scopeKind: string;
  readonly scopeTarget: string;
  readonly status: string;
  readonly startedBy: string;
  readonly startedAt: string;
  readonly deadline: string;
  readonly closedAt: string | null;
  readonly defaultAction: string;
}

interface Item {
  readonly id: string;
  readonly employeeNumber: string;
  readonly applicationId: string;
  readonly entitlementKey: string;
  readonly source: { readonly kind: string; readonly reference: string };
  readonly reviewer: { readonly employeeNumber: string | null };
  readonly status: string;
  readonly decision: string | null;
  readonly comment: string | null;
  readonly decidedBy: string | null;
  readonly decidedAt: string | null;
  readonly reassignedFrom: string | null;
}

/** Every campaign's items with their decisions: one row per item, the campaign repeated on each. */
export const accessReviews: EvidenceKind = {
  name: 'access-reviews',
  description: 'Access review campaigns and every decision: who reviewed what, keep or revoke, when, with what comment',
  columns: [
    'campaign_id',
    'campaign_name',
    'scope',
    'campaign_status',
    'started_by',
    'started_at',
    'deadline',
    'closed_at',
    'default_action',
    'item_id',
    'employee_number',
    'application',
    'entitlement',
    'source',
    'reviewer',
    'reassigned_from',
    'item_status',
    'decision',
    'comment',
    'decided_by',
    'decided_at',
  ],
  async rows(gateway) {
    const { reviewCampaigns: headers } = await gateway.query<{ reviewCampaigns: CampaignHeader[] }>(CAMPAIGNS, { first: 1000 });
    const reviewCampaigns: Campaign[] = [];
    for (const header of headers) {
      const { reviewCampaign } = await gateway.query<{ reviewCampaign: { items: Item[] } | null }>(ITEMS, { id: header.id });
      const items = reviewCampaign?.items ?? [];
      if (items.length >= ITEMS_PER_CAMPAIGN) {
        throw new EvidenceSourceError(
          `campaign ${header.id} has ${ITEMS_PER_CAMPAIGN} items or more, which one export cannot page through yet`,
        );
      }
      reviewCampaigns.push({ ...header, items });
    }
    return reviewCampaigns.flatMap((campaign) =>
      campaign.items.map((item): EvidenceRow => ({
        campaign_id: campaign.id,
        campaign_name: campaign.name,
        scope: `${campaign.scopeKind.toLowerCase()} ${campaign.scopeTarget}`,
        campaign_status: campaign.status,
        started_by: campaign.startedBy,
        started_at: campaign.startedAt,
        deadline: campaign.deadline,
        closed_at: campaign.closedAt,
        default_action: campaign.defaultAction,
        item_id: item.id,
        employee_number: item.employeeNumber,
        application: item.applicationId,
        entitlement: item.entitlementKey,
        source: `${item.source.kind} ${item.source.reference}`,
        reviewer: item.reviewer.employeeNumber ?? 'administrators',
        reassigned_from: item.reassignedFrom,
        item_status: item.status,
        decision: item.decision,
        comment: item.comment,
        decided_by: item.decidedBy,
        decided_at: item.decidedAt,
      })),
    );
  },
};
