/**
 * Review campaigns and their items as reviewers and auditors read them: who reviews what, what was
 * decided, by whom, when and why. Progress is counted from the items.
 */
export const CREATE_WORKFLOW_REVIEWS = `
CREATE TABLE IF NOT EXISTS workflow_review_campaigns (
  campaign_id             text        PRIMARY KEY,
  name                    text        NOT NULL,
  scope                   jsonb       NOT NULL,
  scope_kind              text        NOT NULL,
  reviewer_rule           text        NOT NULL,
  status                  text        NOT NULL,
  started_by              text        NOT NULL,
  started_at              timestamptz NOT NULL,
  deadline                timestamptz NOT NULL,
  default_action          text        NOT NULL,
  reminder_interval_hours double precision NOT NULL,
  closed_at               timestamptz,
  close_reason            text,
  reminders_sent          int         NOT NULL DEFAULT 0,
  last_reminded_at        timestamptz
);
CREATE INDEX IF NOT EXISTS workflow_review_campaigns_status ON workflow_review_campaigns (status, started_at);

CREATE TABLE IF NOT EXISTS workflow_review_items (
  item_id                  text        PRIMARY KEY,
  campaign_id              text        NOT NULL,
  position                 int         NOT NULL,
  assignment_id            text        NOT NULL,
  identity_id              text        NOT NULL,
  employee_number          text        NOT NULL,
  application_id           text        NOT NULL,
  entitlement_key          text        NOT NULL,
  source_kind              text        NOT NULL,
  source_reference         text        NOT NULL,
  source_policy_version    int,
  reviewer_kind            text        NOT NULL,
  reviewer_employee_number text,
  status                   text        NOT NULL,
  decision                 text,
  comment                  text,
  decided_by_kind          text,
  decided_by               text,
  decided_at               timestamptz,
  reassigned_from          text
);
CREATE INDEX IF NOT EXISTS workflow_review_items_campaign ON workflow_review_items (campaign_id, position);
CREATE INDEX IF NOT EXISTS workflow_review_items_reviewer ON workflow_review_items (reviewer_kind, reviewer_employee_number, status);
CREATE INDEX IF NOT EXISTS workflow_review_items_identity ON workflow_review_items (identity_id, status);
`;

export interface WorkflowReviewCampaignRow {
  campaign_id: string;
  name: string;
  scope: unknown;
  scope_kind: string;
  reviewer_rule: string;
  status: 'open' | 'closed';
  started_by: string;
  started_at: Date;
  deadline: Date;
  default_action: 'revoke' | 'keep';
  reminder_interval_hours: number;
  closed_at: Date | null;
  close_reason: 'all-decided' | 'deadline' | null;
  reminders_sent: number;
  last_reminded_at: Date | null;
}

export interface WorkflowReviewItemRow {
  item_id: string;
  campaign_id: string;
  position: number;
  assignment_id: string;
  identity_id: string;
  employee_number: string;
  application_id: string;
  entitlement_key: string;
  source_kind: string;
  source_reference: string;
  source_policy_version: number | null;
  reviewer_kind: 'person' | 'administrators';
  reviewer_employee_number: string | null;
  status: 'pending' | 'decided' | 'withdrawn' | 'defaulted';
  decision: 'keep' | 'revoke' | null;
  comment: string | null;
  decided_by_kind: 'person' | 'administrator' | 'default' | null;
  decided_by: string | null;
  decided_at: Date | null;
  reassigned_from: string | null;
}
