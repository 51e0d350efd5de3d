import type { Decider } from '@tenure/event-sourcing';
import type { HrFeedChannel } from './feed-action';
import { decide, type FeedGuardCommand } from './feed-guard.commands';
import { evolve, initialState, type FeedGuardEvent, type FeedGuardState } from './feed-guard.events';

export const feedGuardDecider: Decider<FeedGuardCommand, FeedGuardEvent, FeedGuardState> = { decide, evolve, initialState };

export const FEED_GUARD_STREAM_PREFIX = 'hr-feed-guard-';

export function feedGuardStreamId(channel: HrFeedChannel): string {
  return `${FEED_GUARD_STREAM_PREFIX}${channel}`;
}

/** Hold ids name their channel, so a decision finds the channel's stream without a read model. */
export function newHoldId(channel: HrFeedChannel, uniqueId: string): string {
  return `${channel}-${uniqueId}`;
}

export function channelOfHoldId(holdId: string): HrFeedChannel | null {
  if (holdId.startsWith('scim-')) return 'scim';
  if (holdId.startsWith('webhook-')) return 'webhook';
  return null;
}
