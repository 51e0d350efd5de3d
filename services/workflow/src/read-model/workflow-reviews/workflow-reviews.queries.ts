import type { AssignmentSource, AssignmentSourceKind } from '@tenure/contracts';
import type { Reviewer, ReviewScope } from '../../domain/reviews';
import type { Queryable } from '../queryable';
import type { WorkflowReviewCampaignRow, WorkflowReviewItemRow } from './workflow-reviews.table';

export interface ReviewProgress {
  readonly total: number;
  /** Decided by a reviewer (kept + revoked). */
  readonly decided: number;
  readonly kept: number;
  readonly revoked: number;
  /** Closed at the deadline without a decision: they took the default action. */
  readonly defaulted: number;
  /** Closed without a decision because their subject left. */
  readonly withdrawn: number;
  readonly pending: number;
}

export interface ReviewCampaignView {
  readonly campaignId: string;
  readonly name: string;
  readonly scope: ReviewScope;
  readonly reviewerRule: 'manager' | 'entitlement-owner';
  readonly status: 'open' | 'closed';
  readonly startedBy: string;
  readonly startedAt: Date;
  readonly deadline: Date;
  readonly defaultAction: 'revoke' | 'keep';
  readonly reminderIntervalHours: number;
  readonly closedAt: Date | null;
  readonly closeReason: 'all-decided' | 'deadline' | null;
  readonly remindersSent: number;
  readonly progress: ReviewProgress;
}

export type ReviewItemStatus = WorkflowReviewItemRow['status'];

export interface ReviewItemView {
  readonly itemId: string;
  readonly campaignId: string;
  readonly assignmentId: string;
  readonly identityId: string;
  readonly employeeNumber: string;
  readonly applicationId: string;
  readonly entitlementKey: string;
  readonly source: AssignmentSource;
  readonly reviewer: Reviewer;
  readonly status: ReviewItemStatus;
  readonly decision: 'keep' | 'revoke' | null;
  readonly comment: string | null;
  /** Employee number, administrator actor id, or null (defaulted, withdrawn, pending). */
  readonly decidedBy: string | null;
  readonly decidedByKind: 'person' | 'administrator' | 'default' | null;
  readonly decidedAt: Date | null;
  /** Who owed the item before a reassignment. */
  readonly reassignedFrom: string | null;
}

const PROGRESS_COLUMNS = `
  (SELECT count(*) FROM workflow_review_items i WHERE i.campaign_id = c.campaign_id)::int AS total,
  (SELECT count(*) FILTER (WHERE i.status = 'decided' AND i.decision = 'keep') FROM workflow_review_items i WHERE i.campaign_id = c.campaign_id)::int AS kept,
  (SELECT count(*) FILTER (WHERE i.status = 'decided' AND i.decision = 'revoke') FROM workflow_review_items i WHERE i.campaign_id = c.campaign_id)::int AS revoked,
  (SELECT count(*) FILTER (WHERE i.status = 'defaulted') FROM workflow_review_items i WHERE i.campaign_id = c.campaign_id)::int AS defaulted,
  (SELECT count(*) FILTER (WHERE i.status = 'withdrawn') FROM workflow_review_items i WHERE i.campaign_id = c.campaign_id)::int AS withdrawn`;

type CampaignRowWithProgress = WorkflowReviewCampaignRow & {
  total: number;
  kept: number;
  revoked: number;
  defaulted: number;
  withdrawn: number;
};

/** Campaigns, newest first, optionally of one status. */
export async function reviewCampaigns(
  db: Queryable,
  options: { readonly status: 'open' | 'closed' | null; readonly first: number },
): Promise<ReviewCampaignView[]> {
  const { rows } = await db.query<CampaignRowWithProgress>(
    `SELECT c.*, ${PROGRESS_COLUMNS} FROM workflow_review_campaigns c
      WHERE ($1::text IS NULL OR c.status = $1) ORDER BY c.started_at DESC, c.campaign_id LIMIT $2`,
    [options.status, options.first],
  );
  return rows.map(toCampaignView);
}

export async function reviewCampaignById(db: Queryable, campaignId: string): Promise<ReviewCampaignView | null> {
  const { rows } = await db.query<CampaignRowWithProgress>(
    `SELECT c.*, ${PROGRESS_COLUMNS} FROM workflow_review_campaigns c WHERE c.campaign_id = $1`,
    [campaignId],
  );
  return rows[0] ? toCampaignView(rows[0]) : null;
}

/** A campaign's items in campaign order. */
export async function itemsOfCampaign(
  db: Queryable,
  campaignId: string,
  options: { readonly status: ReviewItemStatus | null; readonly first: number | null },
): Promise<ReviewItemView[]> {
  const { rows } = await db.query<WorkflowReviewItemRow>(
    `SELECT * FROM workflow_review_items WHERE campaign_id = $1 AND ($2::text IS NULL OR status = $2) ORDER BY position LIMIT $3`,
    [campaignId, options.status, options.first],
  );
  return rows.map(toItemView);
}

export async function reviewItemById(db: Queryable, itemId: string): Promise<ReviewItemView | null> {
  const { rows } = await db.query<WorkflowReviewItemRow>('SELECT * FROM workflow_review_items WHERE item_id = $1', [itemId]);
  return rows[0] ? toItemView(rows[0]) : null;
}

/** What a reviewer owes (or decided), oldest campaign first. */
export async function itemsForReviewer(db: Queryable, reviewer: Reviewer, status: ReviewItemStatus | null): Promise<ReviewItemView[]> {
  const { rows } = await db.query<WorkflowReviewItemRow>(
    `SELECT i.* FROM workflow_review_items i JOIN workflow_review_campaigns c USING (campaign_id)
      WHERE i.reviewer_kind = $1 AND i.reviewer_employee_number IS NOT DISTINCT FROM $2 AND ($3::text IS NULL OR i.status = $3)
      ORDER BY c.started_at, i.campaign_id, i.position`,
    [reviewer.kind, reviewer.kind === 'person' ? reviewer.employeeNumber : null, status],
  );
  return rows.map(toItemView);
}

/** Items about one identity (their access under review), newest campaign first. */
export async function itemsAbout(db: Queryable, identityId: string, status: ReviewItemStatus | null): Promise<ReviewItemView[]> {
  const { rows } = await db.query<WorkflowReviewItemRow>(
    `SELECT i.* FROM workflow_review_items i JOIN workflow_review_campaigns c USING (campaign_id)
      WHERE i.identity_id = $1 AND ($2::text IS NULL OR i.status = $2) ORDER BY c.started_at DESC, i.campaign_id, i.position`,
    [identityId, status],
  );
  return rows.map(toItemView);
}

/** Open campaigns where this person owes a pending item, or where a pending item is about this identity (the leaver). */
export async function openCampaignsTouching(db: Queryable, employeeNumber: string, identityId: string): Promise<string[]> {
  const { rows } = await db.query<{ campaign_id: string }>(
    `SELECT DISTINCT i.campaign_id FROM workflow_review_items i JOIN workflow_review_campaigns c USING (campaign_id)
      WHERE c.status = 'open' AND i.status = 'pending'
        AND ((i.reviewer_kind = 'person' AND i.reviewer_employee_number = $1) OR i.identity_id = $2)
      ORDER BY i.campaign_id`,
    [employeeNumber, identityId],
  );
  return rows.map((row) => row.campaign_id);
}

function toCampaignView(row: CampaignRowWithProgress): ReviewCampaignView {
  const decided = row.kept + row.revoked;
  return {
    campaignId: row.campaign_id,
    name: row.name,
    scope: row.scope as ReviewScope,
    reviewerRule: row.reviewer_rule as ReviewCampaignView['reviewerRule'],
    status: row.status,
    startedBy: row.started_by,
    startedAt: row.started_at,
    deadline: row.deadline,
    defaultAction: row.default_action,
    reminderIntervalHours: row.reminder_interval_hours,
    closedAt: row.closed_at,
    closeReason: row.close_reason,
    remindersSent: row.reminders_sent,
    progress: {
      total: row.total,
      decided,
      kept: row.kept,
      revoked: row.revoked,
      defaulted: row.defaulted,
      withdrawn: row.withdrawn,
      pending: row.total - decided - row.defaulted - row.withdrawn,
    },
  };
}

function toItemView(row: WorkflowReviewItemRow): ReviewItemView {
  return {
    itemId: row.item_id,
    campaignId: row.campaign_id,
    assignmentId: row.assignment_id,
    identityId: row.identity_id,
    employeeNumber: row.employee_number,
    applicationId: row.application_id,
    entitlementKey: row.entitlement_key,
    source: { kind: row.source_kind as AssignmentSourceKind, reference: row.source_reference, policyVersion: row.source_policy_version },
    reviewer:
      row.reviewer_kind === 'person' && row.reviewer_employee_number !== null
        ? { kind: 'person', employeeNumber: row.reviewer_employee_number }
        : { kind: 'administrators' },
    status: row.status,
    decision: row.decision,
    comment: row.comment,
    decidedBy: row.decided_by,
    decidedByKind: row.decided_by_kind,
    decidedAt: row.decided_at,
    reassignedFrom: row.reassigned_from,
  };
}
