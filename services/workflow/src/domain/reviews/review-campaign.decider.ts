import type { Decider } from '@tenure/event-sourcing';
import { decide, type ReviewCampaignCommand } from './review-campaign.commands';
import { evolve, initialState, type ReviewCampaignEvent, type ReviewCampaignState } from './review-campaign.events';

/** One access review campaign: items decided by their reviewers only, decisions final, closed when all are settled or at the deadline. */
export const reviewCampaignDecider: Decider<ReviewCampaignCommand, ReviewCampaignEvent, ReviewCampaignState> = {
  decide,
  evolve,
  initialState,
};
