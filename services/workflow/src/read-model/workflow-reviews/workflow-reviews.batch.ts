import { TimerPlan } from '@tenure/event-store-postgres';
import type { RecordedEvent } from '@tenure/event-sourcing';
import type { PoolClient } from 'pg';
import type { ReviewCampaignEvent, ReviewCampaignStarted } from '../../domain/reviews';
import { loadRows, upsertRows, type JsonRow } from '../batch/table-rows';
import { nextReminder, reviewDeadlineTimer, reviewDeadlineTimerId, reviewReminderTimerId } from './review-timers';

const CAMPAIGN_COLUMNS = [
  'campaign_id',
  'name',
  'scope',
  'scope_kind',
  'reviewer_rule',
  'status',
  'started_by',
  'started_at',
  'deadline',
  'default_action',
  'reminder_interval_hours',
  'closed_at',
  'close_reason',
  'reminders_sent',
  'last_reminded_at',
] as const;
const ITEM_COLUMNS = [
  'item_id',
  'campaign_id',
  'position',
  'assignment_id',
  'identity_id',
  'employee_number',
  'application_id',
  'entitlement_key',
  'source_kind',
  'source_reference',
  'source_policy_version',
  'reviewer_kind',
  'reviewer_employee_number',
  'status',
  'decision',
  'comment',
  'decided_by_kind',
  'decided_by',
  'decided_at',
  'reassigned_from',
] as const;

interface BatchState {
  readonly campaigns: Map<string, JsonRow>;
  readonly items: Map<string, JsonRow>;
  readonly changedCampaigns: Set<string>;
  readonly changedItems: Set<string>;
  readonly timers: TimerPlan;
}

/**
 * The batch form of the workflow-reviews projection: the campaigns and items the batch names are
 * read once, folded in memory with the per-event statements' conditions, and written back with the
 * timers' last decisions in one statement per table.
 */
export async function applyReviewsBatch(events: readonly RecordedEvent[], client: PoolClient): Promise<void> {
  const campaignIds = new Set<string>();
  const itemIds = new Set<string>();
  for (const { type, data } of events) {
    const event = { type, data } as ReviewCampaignEvent;
    campaignIds.add(event.data.campaignId);
    if (event.type === 'ReviewCampaignStarted') for (const item of event.data.items) itemIds.add(item.itemId);
    else if (event.type === 'ReviewCampaignClosed') for (const item of event.data.defaulted) itemIds.add(item.itemId);
    else if ('itemId' in event.data) itemIds.add(event.data.itemId);
  }
  const state: BatchState = {
    campaigns: await loadRows(
      client,
      'workflow_review_campaigns',
      'campaign_id = ANY ($1::text[])',
      [[...campaignIds]],
      (row) => row['campaign_id'] as string,
    ),
    items: await loadRows(client, 'workflow_review_items', 'item_id = ANY ($1::text[])', [[...itemIds]], (row) => row['item_id'] as string),
    changedCampaigns: new Set(),
    changedItems: new Set(),
    timers: new TimerPlan(),
  };
  for (const { type, data } of events) foldEvent({ type, data } as ReviewCampaignEvent, state);
  const pick = (rows: Map<string, JsonRow>, keys: Set<string>) => [...keys].map((key) => rows.get(key)!);
  await upsertRows(client, 'workflow_review_campaigns', ['campaign_id'], CAMPAIGN_COLUMNS, pick(state.campaigns, state.changedCampaigns));
  await upsertRows(client, 'workflow_review_items', ['item_id'], ITEM_COLUMNS, pick(state.items, state.changedItems));
  await state.timers.write(client);
}

function foldEvent(event: ReviewCampaignEvent, state: BatchState): void {
  switch (event.type) {
    case 'ReviewCampaignStarted':
      return started(event.data, state);
    case 'ReviewItemDecided': {
      const { itemId, decision, comment, decidedBy, decidedAt } = event.data;
      return updateItem(state, itemId, (item) => item['status'] === 'pending', {
        status: 'decided',
        decision,
        comment,
        decided_by_kind: decidedBy.kind,
        decided_by: decidedBy.kind === 'person' ? decidedBy.employeeNumber : decidedBy.id,
        decided_at: decidedAt,
      });
    }
    case 'ReviewItemReassigned': {
      const { itemId, from, to } = event.data;
      return updateItem(state, itemId, () => true, {
        reviewer_kind: to.kind,
        reviewer_employee_number: to.kind === 'person' ? to.employeeNumber : null,
        reassigned_from: from.kind === 'person' ? from.employeeNumber : 'administrators',
      });
    }
    case 'ReviewItemWithdrawn':
      return updateItem(state, event.data.itemId, (item) => item['status'] === 'pending', {
        status: 'withdrawn',
        decided_at: event.data.withdrawnAt,
      });
    case 'ReviewRemindersSent': {
      const { campaignId, dueAt, sentAt } = event.data;
      const campaign = state.campaigns.get(campaignId);
      if (!campaign) return;
      campaign['reminders_sent'] = (campaign['reminders_sent'] as number) + 1;
      campaign['last_reminded_at'] = sentAt;
      state.changedCampaigns.add(campaignId);
      keepReminder(
        state,
        campaignId,
        Date.parse(dueAt),
        campaign['reminder_interval_hours'] as number,
        new Date(campaign['deadline'] as string),
      );
      return;
    }
    case 'ReviewCampaignClosed': {
      const { campaignId, reason, closedAt, defaultAction, defaulted } = event.data;
      const campaign = state.campaigns.get(campaignId);
      if (campaign) {
        Object.assign(campaign, { status: 'closed', closed_at: closedAt, close_reason: reason });
        state.changedCampaigns.add(campaignId);
      }
      for (const { itemId } of defaulted) {
        updateItem(state, itemId, (item) => item['status'] === 'pending', {
          status: 'defaulted',
          decision: defaultAction,
          decided_by_kind: 'default',
          decided_at: closedAt,
        });
      }
      state.timers.cancel(reviewReminderTimerId(campaignId));
      state.timers.cancel(reviewDeadlineTimerId(campaignId));
      return;
    }
    default:
      return; // events of later versions are ignored by this one
  }
}

function started(data: ReviewCampaignStarted['data'], state: BatchState): void {
  const { campaignId, name, scope, reviewerRule, startedBy, startedAt, deadline, defaultAction, reminderIntervalHours, items } = data;
  if (state.campaigns.has(campaignId)) return;
  state.campaigns.set(campaignId, {
    campaign_id: campaignId,
    name,
    // Through JSON, as the per-event statement stores it.
    scope: JSON.parse(JSON.stringify(scope)),
    scope_kind: scope.kind,
    reviewer_rule: reviewerRule,
    status: 'open',
    started_by: startedBy,
    started_at: startedAt,
    deadline,
    default_action: defaultAction,
    reminder_interval_hours: reminderIntervalHours,
    closed_at: null,
    close_reason: null,
    reminders_sent: 0,
    last_reminded_at: null,
  });
  state.changedCampaigns.add(campaignId);
  for (const [position, item] of items.entries()) {
    if (state.items.has(item.itemId)) continue;
    state.items.set(item.itemId, {
      item_id: item.itemId,
      campaign_id: campaignId,
      position,
      assignment_id: item.assignmentId,
      identity_id: item.identityId,
      employee_number: item.employeeNumber,
      application_id: item.applicationId,
      entitlement_key: item.entitlementKey,
      source_kind: item.source.kind,
      source_reference: item.source.reference,
      source_policy_version: item.source.policyVersion,
      reviewer_kind: item.reviewer.kind,
      reviewer_employee_number: item.reviewer.kind === 'person' ? item.reviewer.employeeNumber : null,
      status: 'pending',
      decision: null,
      comment: null,
      decided_by_kind: null,
      decided_by: null,
      decided_at: null,
      reassigned_from: null,
    });
    state.changedItems.add(item.itemId);
  }
  state.timers.schedule(reviewDeadlineTimer(campaignId, deadline));
  keepReminder(state, campaignId, Date.parse(startedAt), reminderIntervalHours, new Date(deadline));
}

function keepReminder(state: BatchState, campaignId: string, lastDueMs: number, intervalHours: number, deadline: Date): void {
  const timer = nextReminder(campaignId, lastDueMs, intervalHours, deadline);
  if ('cancel' in timer) state.timers.cancel(timer.cancel);
  else state.timers.schedule(timer);
}

function updateItem(state: BatchState, itemId: string, when: (item: JsonRow) => boolean, changes: JsonRow): void {
  const item = state.items.get(itemId);
  if (!item || !when(item)) return;
  Object.assign(item, changes);
  state.changedItems.add(itemId);
}
