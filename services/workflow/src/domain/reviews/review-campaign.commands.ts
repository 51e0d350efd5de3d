import { DomainError } from '@tenure/event-sourcing';
import { assertNever } from '../assert-never';
import {
  pendingItems,
  type CampaignFacts,
  type ItemState,
  type ReviewCampaignClosed,
  type ReviewCampaignEvent,
  type ReviewCampaignStarted,
  type ReviewCampaignState,
} from './review-campaign.events';
import { ADMINISTRATORS, describeReviewer, sameReviewer, type ReviewDecidedBy, type ReviewDecision, type Reviewer } from './review-scope';

/** Items and reviewers are resolved by the caller (the application reads who holds what and who reviews it). */
export interface StartReviewCampaign {
  readonly type: 'StartReviewCampaign';
  readonly data: ReviewCampaignStarted['data'];
}

export interface DecideReviewItem {
  readonly type: 'DecideReviewItem';
  readonly data: {
    readonly itemId: string;
    readonly decision: ReviewDecision;
    readonly comment: string;
    readonly by: ReviewDecidedBy;
    readonly decidedAt: string;
  };
}

/** The leaver: what `employeeNumber` still owes goes to `to` (their manager, else the administrators). */
export interface ReassignReviewerItems {
  readonly type: 'ReassignReviewerItems';
  readonly data: { readonly employeeNumber: string; readonly to: Reviewer; readonly reassignedAt: string };
}

/** The leaver: pending items about this identity are closed without a decision. */
export interface WithdrawItemsAbout {
  readonly type: 'WithdrawItemsAbout';
  readonly data: { readonly identityId: string; readonly withdrawnAt: string };
}

export interface SendReviewReminders {
  readonly type: 'SendReviewReminders';
  readonly data: { readonly dueAt: string; readonly sentAt: string };
}

export interface CloseReviewCampaignAtDeadline {
  readonly type: 'CloseReviewCampaignAtDeadline';
  readonly data: { readonly now: string };
}

export type ReviewCampaignCommand =
  StartReviewCampaign | DecideReviewItem | ReassignReviewerItems | WithdrawItemsAbout | SendReviewReminders | CloseReviewCampaignAtDeadline;

export function decide(command: ReviewCampaignCommand, state: ReviewCampaignState): readonly ReviewCampaignEvent[] {
  switch (command.type) {
    case 'StartReviewCampaign':
      return start(command, state);
    case 'DecideReviewItem':
      return decideItem(command, openCampaign(state, 'decided'));
    case 'ReassignReviewerItems':
      return state.status === 'open' ? reassign(command, state) : [];
    case 'WithdrawItemsAbout':
      return state.status === 'open' ? withdraw(command, state) : [];
    case 'SendReviewReminders':
      return state.status === 'open' ? remind(command, state) : [];
    case 'CloseReviewCampaignAtDeadline':
      return state.status === 'open' ? closeAtDeadline(command, state) : [];
    default:
      return assertNever(command);
  }
}

function start({ data }: StartReviewCampaign, state: ReviewCampaignState): readonly ReviewCampaignEvent[] {
  // Mover and break-glass campaigns have ids derived from their cause: a cause read again starts nothing.
  if (state.status !== 'not-started') {
    if (state.campaignId === data.campaignId) return [];
    throw new DomainError('conflict', `campaign ${state.campaignId} already exists`);
  }
  if (data.name.trim() === '') throw new DomainError('validation', 'a campaign needs a name');
  if (data.items.length === 0) {
    throw new DomainError('validation', `nothing to review: no assignment is held in the scope of "${data.name}"`, { scope: data.scope });
  }
  if (Date.parse(data.deadline) <= Date.parse(data.startedAt)) {
    throw new DomainError('validation', `the deadline (${data.deadline}) must be after the start (${data.startedAt})`);
  }
  if (!(data.reminderIntervalHours > 0)) throw new DomainError('validation', 'the reminder interval must be a positive number of hours');
  const assignments = new Set<string>();
  for (const item of data.items) {
    if (assignments.has(item.assignmentId)) {
      throw new DomainError('validation', `assignment ${item.assignmentId} is listed twice`, { assignmentId: item.assignmentId });
    }
    assignments.add(item.assignmentId);
    if (isSubject(item.reviewer, item)) {
      throw new DomainError('validation', `item ${item.itemId}: nobody reviews their own access`, { itemId: item.itemId });
    }
  }
  return [{ type: 'ReviewCampaignStarted', data }];
}

function openCampaign(state: ReviewCampaignState, what: string): CampaignFacts & { status: 'open' } {
  if (state.status === 'not-started') throw new DomainError('not_found', 'no such review campaign');
  if (state.status === 'closed') {
    throw new DomainError('illegal_state', `the campaign closed at ${state.closedAt}: no item can be ${what} any more`, {
      campaignId: state.campaignId,
    });
  }
  return state;
}

function decideItem({ data }: DecideReviewItem, state: CampaignFacts & { status: 'open' }): readonly ReviewCampaignEvent[] {
  const item = state.items[data.itemId];
  if (!item) throw new DomainError('not_found', `no item ${data.itemId} in campaign ${state.campaignId}`, { itemId: data.itemId });
  if (item.status !== 'pending') {
    throw new DomainError('illegal_state', `item ${data.itemId} is already ${item.status}: decisions are final`, { itemId: data.itemId });
  }
  refuseDecider(data.by, item);
  const comment = data.comment.trim();
  if (data.decision === 'revoke' && comment === '') {
    throw new DomainError('validation', 'a revocation needs a comment saying why', { itemId: data.itemId });
  }
  const { itemId, assignmentId, identityId } = item.item;
  const decided: ReviewCampaignEvent = {
    type: 'ReviewItemDecided',
    data: {
      campaignId: state.campaignId,
      itemId,
      assignmentId,
      identityId,
      decision: data.decision,
      comment,
      decidedBy: data.by,
      decidedAt: data.decidedAt,
    },
  };
  return [decided, ...closeIfSettled(state, [itemId], data.decidedAt)];
}

/** Only the item's reviewer decides it; administrators decide what is owed to the administrators; nobody decides their own access. */
function refuseDecider(by: ReviewDecidedBy, item: ItemState): void {
  if (by.kind === 'person' && by.employeeNumber === item.item.employeeNumber) {
    throw new DomainError('forbidden', `nobody reviews their own access: item ${item.item.itemId} is about ${by.employeeNumber}`, {
      itemId: item.item.itemId,
    });
  }
  const allowed =
    by.kind === 'administrator'
      ? item.reviewer.kind === 'administrators'
      : sameReviewer(item.reviewer, { kind: 'person', employeeNumber: by.employeeNumber });
  if (!allowed) {
    throw new DomainError('forbidden', `item ${item.item.itemId} is reviewed by ${describeReviewer(item.reviewer)}`, {
      itemId: item.item.itemId,
    });
  }
}

function reassign({ data }: ReassignReviewerItems, state: CampaignFacts & { status: 'open' }): readonly ReviewCampaignEvent[] {
  const from: Reviewer = { kind: 'person', employeeNumber: data.employeeNumber };
  return pendingItems(state)
    .filter((item) => sameReviewer(item.reviewer, from))
    .map((item) => {
      // The leaver's manager may be the very person the item is about: then the administrators decide.
      const to = isSubject(data.to, item.item) || sameReviewer(data.to, from) ? ADMINISTRATORS : data.to;
      return {
        type: 'ReviewItemReassigned',
        data: {
          campaignId: state.campaignId,
          itemId: item.item.itemId,
          from,
          to,
          reason: 'reviewer-left',
          reassignedAt: data.reassignedAt,
        },
      };
    });
}

function withdraw({ data }: WithdrawItemsAbout, state: CampaignFacts & { status: 'open' }): readonly ReviewCampaignEvent[] {
  const about = pendingItems(state).filter((item) => item.item.identityId === data.identityId);
  if (about.length === 0) return [];
  const withdrawn: ReviewCampaignEvent[] = about.map((item) => ({
    type: 'ReviewItemWithdrawn',
    data: { campaignId: state.campaignId, itemId: item.item.itemId, reason: 'subject-left', withdrawnAt: data.withdrawnAt },
  }));
  return [
    ...withdrawn,
    ...closeIfSettled(
      state,
      about.map((item) => item.item.itemId),
      data.withdrawnAt,
    ),
  ];
}

function remind({ data }: SendReviewReminders, state: CampaignFacts & { status: 'open' }): readonly ReviewCampaignEvent[] {
  if (state.lastReminderDueAt !== null && Date.parse(data.dueAt) <= Date.parse(state.lastReminderDueAt)) return [];
  const pending = new Map<string, { reviewer: Reviewer; pending: number }>();
  for (const item of pendingItems(state)) {
    const key = describeReviewer(item.reviewer);
    const known = pending.get(key);
    if (known) known.pending += 1;
    else pending.set(key, { reviewer: item.reviewer, pending: 1 });
  }
  if (pending.size === 0) return [];
  return [
    {
      type: 'ReviewRemindersSent',
      data: { campaignId: state.campaignId, dueAt: data.dueAt, sentAt: data.sentAt, reviewers: [...pending.values()] },
    },
  ];
}

function closeAtDeadline(
  { data }: CloseReviewCampaignAtDeadline,
  state: CampaignFacts & { status: 'open' },
): readonly ReviewCampaignEvent[] {
  // A timer that fires early (moved clock, stale row) closes nothing.
  if (Date.parse(data.now) < Date.parse(state.deadline)) return [];
  const defaulted = pendingItems(state).map(({ item }) => ({
    itemId: item.itemId,
    assignmentId: item.assignmentId,
    identityId: item.identityId,
  }));
  const closed: ReviewCampaignClosed = {
    type: 'ReviewCampaignClosed',
    data: { campaignId: state.campaignId, reason: 'deadline', closedAt: data.now, defaultAction: state.defaultAction, defaulted },
  };
  return [closed];
}

/** Closes the campaign once the items just settled were the last pending ones. */
function closeIfSettled(state: CampaignFacts, settledNow: readonly string[], at: string): readonly ReviewCampaignEvent[] {
  const settled = new Set(settledNow);
  if (pendingItems(state).some((item) => !settled.has(item.item.itemId))) return [];
  return [
    {
      type: 'ReviewCampaignClosed',
      data: { campaignId: state.campaignId, reason: 'all-decided', closedAt: at, defaultAction: state.defaultAction, defaulted: [] },
    },
  ];
}

function isSubject(reviewer: Reviewer, item: { readonly employeeNumber: string }): boolean {
  return reviewer.kind === 'person' && reviewer.employeeNumber === item.employeeNumber;
}
