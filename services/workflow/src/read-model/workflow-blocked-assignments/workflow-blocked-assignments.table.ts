/**
 * Birthright additions that blocking SoD rules refused, waiting for an administrator (an exception,
 * a policy change, a move): one row per identity and entitlement while the block stands. A row goes
 * when the entitlement is assigned after all or the identity leaves; whether the entitlement is
 * still birthright is asked at read time (application/sod/blocked-assignments.ts).
 */
export const CREATE_WORKFLOW_BLOCKED_ASSIGNMENTS = `
CREATE TABLE IF NOT EXISTS workflow_blocked_assignments (
  identity_id     text        NOT NULL,
  application_id  text        NOT NULL,
  entitlement_key text        NOT NULL,
  -- AssignmentSource (the birthright rules and policy version) and the SodBlock[] that refused it.
  source          jsonb       NOT NULL,
  rules           jsonb       NOT NULL,
  blocked_at      timestamptz NOT NULL,
  PRIMARY KEY (identity_id, application_id, entitlement_key)
);
CREATE INDEX IF NOT EXISTS workflow_blocked_assignments_blocked_at ON workflow_blocked_assignments (blocked_at DESC);
`;

export interface WorkflowBlockedAssignmentRow {
  identity_id: string;
  application_id: string;
  entitlement_key: string;
  source: { kind: string; reference: string; policyVersion: number | null };
  rules: { ruleId: string; ruleName: string; explanation: string }[];
  blocked_at: Date;
}
