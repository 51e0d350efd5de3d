/**
 * Workflow's copy of the SoD exceptions the policy service granted, folded from the published
 * `sod-exception-` events: what lets an assignment through a `require-exception` rule.
 */
export const CREATE_WORKFLOW_SOD_EXCEPTIONS = `
CREATE TABLE IF NOT EXISTS workflow_sod_exceptions (
  exception_id text        PRIMARY KEY,
  identity_id  text        NOT NULL,
  rule_id      text        NOT NULL,
  approved_by  text        NOT NULL,
  reason       text        NOT NULL,
  valid_until  timestamptz NOT NULL,
  -- granted, revoked or expired; a granted one no longer applies from valid_until on all the same.
  status       text        NOT NULL
);
CREATE INDEX IF NOT EXISTS workflow_sod_exceptions_identity ON workflow_sod_exceptions (identity_id);
`;

export interface WorkflowSodExceptionRow {
  exception_id: string;
  identity_id: string;
  rule_id: string;
  approved_by: string;
  reason: string;
  valid_until: Date;
  status: 'granted' | 'revoked' | 'expired';
}
