import type { DomainEvent } from '@tenure/event-sourcing';
import { assertNever } from '../assert-never';
import type { ReviewDecidedBy, ReviewDecision, ReviewDefaultAction, Reviewer, ReviewerRule, ReviewItem, ReviewScope } from './review-scope';

// One access review campaign (stream `review-campaign-<campaignId>`): its items, every decision
// with who, when and why (the evidence auditors ask for), reminders, and how it closed.

export type ReviewCampaignStarted = DomainEvent<
  'ReviewCampaignStarted',
  {
    readonly campaignId: string;
    readonly name: string;
    readonly scope: ReviewScope;
    readonly reviewerRule: ReviewerRule;
    /** Employee number of the person who started it, or the administrator / process actor id. */
    readonly startedBy: string;
    readonly startedAt: string;
    readonly deadline: string;
    readonly defaultAction: ReviewDefaultAction;
    readonly reminderIntervalHours: number;
    readonly items: readonly ReviewItem[];
  }
>;

export type ReviewItemDecided = DomainEvent<
  'ReviewItemDecided',
  {
    readonly campaignId: string;
    readonly itemId: string;
    readonly assignmentId: string;
    readonly identityId: string;
    readonly decision: ReviewDecision;
    /** Required for a revocation; may be empty for keep. */
    readonly comment: string;
    readonly decidedBy: ReviewDecidedBy;
    readonly decidedAt: string;
  }
>;

/** The reviewer the item was owed by left (or can no longer decide it): someone else now owes it. */
export type ReviewItemReassigned = DomainEvent<
  'ReviewItemReassigned',
  {
    readonly campaignId: string;
    readonly itemId: string;
    readonly from: Reviewer;
    readonly to: Reviewer;
    readonly reason: 'reviewer-left';
    readonly reassignedAt: string;
  }
>;

/**
 * The item's subject left: there is nothing left to review (the leaver flow revokes everything
 * they held, reason `leaver`), so the item is closed without a decision and without a revocation
 * of its own. Counted as settled, never as kept or revoked.
 */
export type ReviewItemWithdrawn = DomainEvent<
  'ReviewItemWithdrawn',
  { readonly campaignId: string; readonly itemId: string; readonly reason: 'subject-left'; readonly withdrawnAt: string }
>;

/**
 * Reviewers with pending items were reminded (delivery is the notification service's, issue 10;
 * this event is the evidence). `dueAt` is the reminder's scheduled time: a reminder fired twice
 * (after a crash) is recorded once.
 */
export type ReviewRemindersSent = DomainEvent<
  'ReviewRemindersSent',
  {
    readonly campaignId: string;
    readonly dueAt: string;
    readonly sentAt: string;
    readonly reviewers: readonly { readonly reviewer: Reviewer; readonly pending: number }[];
  }
>;

export interface DefaultedItem {
  readonly itemId: string;
  readonly assignmentId: string;
  readonly identityId: string;
}

/**
 * The campaign ended: every item settled (`all-decided`), or the deadline came and the items nobody
 * decided take the default action (`defaulted`, empty when everything was decided).
 */
export type ReviewCampaignClosed = DomainEvent<
  'ReviewCampaignClosed',
  {
    readonly campaignId: string;
    readonly reason: 'all-decided' | 'deadline';
    readonly closedAt: string;
    readonly defaultAction: ReviewDefaultAction;
    readonly defaulted: readonly DefaultedItem[];
  }
>;

export type ReviewCampaignEvent =
  ReviewCampaignStarted | ReviewItemDecided | ReviewItemReassigned | ReviewItemWithdrawn | ReviewRemindersSent | ReviewCampaignClosed;

export const REVIEW_CAMPAIGN_EVENT_TYPES: readonly ReviewCampaignEvent['type'][] = [
  'ReviewCampaignStarted',
  'ReviewItemDecided',
  'ReviewItemReassigned',
  'ReviewItemWithdrawn',
  'ReviewRemindersSent',
  'ReviewCampaignClosed',
];

export type ItemStatus = 'pending' | 'decided' | 'withdrawn' | 'defaulted';

export interface ItemState {
  readonly item: ReviewItem;
  readonly reviewer: Reviewer;
  readonly status: ItemStatus;
  readonly decision: ReviewDecision | null;
}

export interface CampaignFacts {
  readonly campaignId: string;
  readonly deadline: string;
  readonly defaultAction: ReviewDefaultAction;
  /** By item id, in the order of the start event. */
  readonly items: Readonly<Record<string, ItemState>>;
  /** The due time of the last reminder recorded; null before any. */
  readonly lastReminderDueAt: string | null;
}

export type ReviewCampaignState =
  | { readonly status: 'not-started' }
  | (CampaignFacts & { readonly status: 'open' })
  | (CampaignFacts & { readonly status: 'closed'; readonly closedAt: string });

export function initialState(): ReviewCampaignState {
  return { status: 'not-started' };
}

export function evolve(state: ReviewCampaignState, event: ReviewCampaignEvent): ReviewCampaignState {
  switch (event.type) {
    case 'ReviewCampaignStarted': {
      const { campaignId, deadline, defaultAction, items } = event.data;
      const byId: Record<string, ItemState> = {};
      for (const item of items) byId[item.itemId] = { item, reviewer: item.reviewer, status: 'pending', decision: null };
      return { status: 'open', campaignId, deadline, defaultAction, items: byId, lastReminderDueAt: null };
    }
    case 'ReviewItemDecided':
      return withItem(state, event.data.itemId, (item) => ({ ...item, status: 'decided', decision: event.data.decision }));
    case 'ReviewItemReassigned':
      return withItem(state, event.data.itemId, (item) => ({ ...item, reviewer: event.data.to }));
    case 'ReviewItemWithdrawn':
      return withItem(state, event.data.itemId, (item) => ({ ...item, status: 'withdrawn' }));
    case 'ReviewRemindersSent':
      return state.status === 'not-started' ? state : { ...state, lastReminderDueAt: event.data.dueAt };
    case 'ReviewCampaignClosed': {
      if (state.status === 'not-started') return state;
      const items: Record<string, ItemState> = { ...state.items };
      for (const { itemId } of event.data.defaulted) {
        const item = items[itemId];
        if (item) items[itemId] = { ...item, status: 'defaulted', decision: event.data.defaultAction };
      }
      return { ...state, items, status: 'closed', closedAt: event.data.closedAt };
    }
    default:
      return assertNever(event);
  }
}

function withItem(state: ReviewCampaignState, itemId: string, change: (item: ItemState) => ItemState): ReviewCampaignState {
  if (state.status === 'not-started') return state;
  const item = state.items[itemId];
  if (!item) return state;
  return { ...state, items: { ...state.items, [itemId]: change(item) } };
}

/** Items nobody has settled yet, in campaign order. */
export function pendingItems(state: CampaignFacts): ItemState[] {
  return Object.values(state.items).filter((item) => item.status === 'pending');
}
