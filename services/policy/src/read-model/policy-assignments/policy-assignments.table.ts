/**
 * Policy's copy of what each identity is assigned, folded from the workflow service's published
 * assignment events (`assignments-<identityId>`, @tenure/contracts assignment-events.ts): what
 * identities hold, for SoD checks, request evaluations and peer adoption. Held = added and not revoked.
 */
export const CREATE_POLICY_ASSIGNMENTS = `
CREATE TABLE IF NOT EXISTS policy_assignments (
  assignment_id   text        PRIMARY KEY,
  identity_id     text        NOT NULL,
  application_id  text        NOT NULL,
  entitlement_key text        NOT NULL,
  -- AssignmentSource: why it is held (shown in explanations).
  source          jsonb       NOT NULL,
  revoked         boolean     NOT NULL DEFAULT false
);
CREATE INDEX IF NOT EXISTS policy_assignments_held ON policy_assignments (identity_id) WHERE NOT revoked;
`;

export interface PolicyAssignmentRow {
  assignment_id: string;
  identity_id: string;
  application_id: string;
  entitlement_key: string;
  source: { kind: string; reference: string; policyVersion: number | null };
}
