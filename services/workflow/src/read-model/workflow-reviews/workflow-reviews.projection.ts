import type { RecordedEvent } from '@tenure/event-sourcing';
import { cancelTimer, scheduleTimer, type Projection } from '@tenure/event-store-postgres';
import type { PoolClient } from 'pg';
import { REVIEW_CAMPAIGN_STREAM_PREFIX } from '../../application/reviews/review-streams';
import { REVIEW_CAMPAIGN_EVENT_TYPES, type ReviewCampaignEvent, type ReviewCampaignStarted } from '../../domain/reviews';
import {
  nextReminder,
  REVIEW_DEADLINE_TIMER,
  REVIEW_REMINDER_TIMER,
  reviewDeadlineTimer,
  reviewDeadlineTimerId,
  reviewReminderTimerId,
} from './review-timers';
import { applyReviewsBatch } from './workflow-reviews.batch';
import { CREATE_WORKFLOW_REVIEWS } from './workflow-reviews.table';

export { REVIEW_DEADLINE_TIMER, REVIEW_REMINDER_TIMER, reviewDeadlineTimerId, reviewReminderTimerId } from './review-timers';

/**
 * Keeps `workflow_review_campaigns` and `workflow_review_items`, and each open campaign's reminder
 * and deadline timers in the same transaction: the timers exist exactly while the campaign is open.
 * A batch (a replay, a burst) is folded in memory: see the batch file.
 */
export const workflowReviewsProjection: Projection = {
  name: 'workflow-reviews',
  filter: { streamPrefixes: [REVIEW_CAMPAIGN_STREAM_PREFIX], eventTypes: REVIEW_CAMPAIGN_EVENT_TYPES },
  async setup(client) {
    await client.query(CREATE_WORKFLOW_REVIEWS);
  },
  async reset(client) {
    await client.query('TRUNCATE workflow_review_campaigns, workflow_review_items');
    await client.query('DELETE FROM tenure_timers WHERE kind = ANY ($1::text[])', [[REVIEW_REMINDER_TIMER, REVIEW_DEADLINE_TIMER]]);
  },
  apply: applyEvent,
  applyBatch: applyReviewsBatch,
};

async function applyEvent(recorded: RecordedEvent, client: PoolClient): Promise<void> {
  const event = { type: recorded.type, data: recorded.data } as ReviewCampaignEvent;
  switch (event.type) {
    case 'ReviewCampaignStarted':
      return started(event.data, client);
    case 'ReviewItemDecided': {
      const { itemId, decision, comment, decidedBy, decidedAt } = event.data;
      await client.query(
        `UPDATE workflow_review_items SET status = 'decided', decision = $2, comment = $3, decided_by_kind = $4, decided_by = $5, decided_at = $6
          WHERE item_id = $1 AND status = 'pending'`,
        [itemId, decision, comment, decidedBy.kind, decidedBy.kind === 'person' ? decidedBy.employeeNumber : decidedBy.id, decidedAt],
      );
      return;
    }
    case 'ReviewItemReassigned': {
      const { itemId, from, to } = event.data;
      await client.query(
        `UPDATE workflow_review_items SET reviewer_kind = $2, reviewer_employee_number = $3, reassigned_from = $4 WHERE item_id = $1`,
        [itemId, to.kind, to.kind === 'person' ? to.employeeNumber : null, from.kind === 'person' ? from.employeeNumber : 'administrators'],
      );
      return;
    }
    case 'ReviewItemWithdrawn':
      await client.query(
        `UPDATE workflow_review_items SET status = 'withdrawn', decided_at = $2 WHERE item_id = $1 AND status = 'pending'`,
        [event.data.itemId, event.data.withdrawnAt],
      );
      return;
    case 'ReviewRemindersSent': {
      const { campaignId, dueAt, sentAt } = event.data;
      await client.query(
        'UPDATE workflow_review_campaigns SET reminders_sent = reminders_sent + 1, last_reminded_at = $2 WHERE campaign_id = $1',
        [campaignId, sentAt],
      );
      const { rows } = await client.query<{ deadline: Date; reminder_interval_hours: number }>(
        'SELECT deadline, reminder_interval_hours FROM workflow_review_campaigns WHERE campaign_id = $1',
        [campaignId],
      );
      const campaign = rows[0];
      if (campaign) await scheduleReminder(client, campaignId, Date.parse(dueAt), campaign.reminder_interval_hours, campaign.deadline);
      return;
    }
    case 'ReviewCampaignClosed': {
      const { campaignId, reason, closedAt, defaultAction, defaulted } = event.data;
      await client.query(
        `UPDATE workflow_review_campaigns SET status = 'closed', closed_at = $2, close_reason = $3 WHERE campaign_id = $1`,
        [campaignId, closedAt, reason],
      );
      await client.query(
        `UPDATE workflow_review_items SET status = 'defaulted', decision = $2, decided_by_kind = 'default', decided_at = $3
          WHERE item_id = ANY ($1::text[]) AND status = 'pending'`,
        [defaulted.map((item) => item.itemId), defaultAction, closedAt],
      );
      await cancelTimer(client, reviewReminderTimerId(campaignId));
      await cancelTimer(client, reviewDeadlineTimerId(campaignId));
      return;
    }
    default:
      return; // events of later versions are ignored by this one
  }
}

async function started(data: ReviewCampaignStarted['data'], client: PoolClient): Promise<void> {
  const { campaignId, name, scope, reviewerRule, startedBy, startedAt, deadline, defaultAction, reminderIntervalHours, items } = data;
  const inserted = await client.query(
    `INSERT INTO workflow_review_campaigns (campaign_id, name, scope, scope_kind, reviewer_rule, status, started_by, started_at, deadline,
       default_action, reminder_interval_hours)
     VALUES ($1, $2, $3, $4, $5, 'open', $6, $7, $8, $9, $10) ON CONFLICT (campaign_id) DO NOTHING`,
    [
      campaignId,
      name,
      JSON.stringify(scope),
      scope.kind,
      reviewerRule,
      startedBy,
      startedAt,
      deadline,
      defaultAction,
      reminderIntervalHours,
    ],
  );
  if (inserted.rowCount === 0) return;
  const rows = items.map((item, position) => ({
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
  }));
  await client.query(
    `INSERT INTO workflow_review_items (item_id, campaign_id, position, assignment_id, identity_id, employee_number, application_id,
       entitlement_key, source_kind, source_reference, source_policy_version, reviewer_kind, reviewer_employee_number, status)
     SELECT item_id, campaign_id, position, assignment_id, identity_id, employee_number, application_id, entitlement_key, source_kind,
            source_reference, source_policy_version, reviewer_kind, reviewer_employee_number, 'pending'
       FROM jsonb_to_recordset($1::jsonb) AS r(item_id text, campaign_id text, position int, assignment_id text, identity_id text,
            employee_number text, application_id text, entitlement_key text, source_kind text, source_reference text,
            source_policy_version int, reviewer_kind text, reviewer_employee_number text)
     ON CONFLICT (item_id) DO NOTHING`,
    [JSON.stringify(rows)],
  );
  await scheduleTimer(client, reviewDeadlineTimer(campaignId, deadline));
  await scheduleReminder(client, campaignId, Date.parse(startedAt), reminderIntervalHours, new Date(deadline));
}

async function scheduleReminder(
  client: PoolClient,
  campaignId: string,
  lastDueMs: number,
  intervalHours: number,
  deadline: Date,
): Promise<void> {
  const timer = nextReminder(campaignId, lastDueMs, intervalHours, deadline);
  if ('cancel' in timer) await cancelTimer(client, timer.cancel);
  else await scheduleTimer(client, timer);
}
