export * from './feed-action';
export { FeedChangeGuard, type FeedBurstOutcome, type FeedChangeGuardDependencies, type FeedOutcome } from './feed-change-guard';
export { feedGuardDecider, feedGuardStreamId, FEED_GUARD_STREAM_PREFIX } from './feed-guard.decider';
export type { FeedGuardEvent, HeldChangeFailure } from './feed-guard.events';
export { feedGuardProjection } from './feed-guard.projection';
export { countFeedChangesSince, findHrFeedHold, heldChangesOf, listHrFeedHolds } from './feed-guard.queries';
export type { HrFeedHeldChangeRow, HrFeedHoldRow, HrFeedHoldStatus } from './feed-guard.tables';
export { HrChangeHeld } from './hr-change-held';
