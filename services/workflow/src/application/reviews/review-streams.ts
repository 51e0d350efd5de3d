export const REVIEW_CAMPAIGN_STREAM_PREFIX = 'review-campaign-';

export function reviewCampaignStreamId(campaignId: string): string {
  return `${REVIEW_CAMPAIGN_STREAM_PREFIX}${campaignId}`;
}
