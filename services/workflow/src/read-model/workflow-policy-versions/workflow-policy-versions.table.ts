/**
 * The policy versions the policy service published, as workflow decides with them: each one
 * validated again on arrival (the policy decision library's own validation, defaults filled in).
 * A version that fails is kept with its problems and never used.
 */
export const CREATE_WORKFLOW_POLICY_VERSIONS = `
CREATE TABLE IF NOT EXISTS workflow_policy_versions (
  version      int         PRIMARY KEY,
  published_at timestamptz NOT NULL,
  valid        boolean     NOT NULL,
  -- The validated PolicySet when valid; the document as published otherwise.
  policy       jsonb       NOT NULL,
  problems     jsonb       NOT NULL
);
`;

export interface WorkflowPolicyVersionRow {
  version: number;
  published_at: Date;
  valid: boolean;
  policy: unknown;
  problems: unknown;
}
