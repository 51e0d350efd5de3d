export * from './review-scope';
export * from './review-campaign.events';
export * from './review-campaign.commands';
export * from './review-campaign.decider';
