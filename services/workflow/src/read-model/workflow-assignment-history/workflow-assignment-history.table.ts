import type { AssignmentRevocationReason, AssignmentSourceKind } from '@tenure/contracts';

/**
 * One row per holding interval: an assignment id is never reused (a rehire or a second request gets
 * a new one), so each row is one stretch of holding, with both clocks auditors ask about — the
 * decision (added → revoked) and the application (grant acknowledged → revocation acknowledged).
 * `initial_valid_until` is the end set by the addition or the acknowledgement (a duration's clock);
 * `extensions` keeps each applied extension ({ requestId, validUntil, extendedAt }) so the end in
 * force at any past instant can be told. The identities table maps identity ids to employee
 * numbers from the identity streams, in the same log order, so a rebuild needs no other read model.
 */
export const CREATE_WORKFLOW_ASSIGNMENT_HISTORY = `
CREATE TABLE IF NOT EXISTS workflow_assignment_history (
  assignment_id              text        PRIMARY KEY,
  identity_id                text        NOT NULL,
  employee_number            text,
  application_id             text        NOT NULL,
  entitlement_key            text        NOT NULL,
  source_kind                text        NOT NULL,
  source_reference           text        NOT NULL,
  source_policy_version      int,
  valid_from                 timestamptz NOT NULL,
  duration_ms                bigint,
  added_at                   timestamptz NOT NULL,
  active_from                timestamptz,
  initial_valid_until        timestamptz,
  extensions                 jsonb       NOT NULL DEFAULT '[]',
  revoked_at                 timestamptz,
  revocation_reason          text,
  revocation_acknowledged_at timestamptz
);
CREATE INDEX IF NOT EXISTS workflow_assignment_history_entitlement ON workflow_assignment_history (application_id, entitlement_key);
CREATE INDEX IF NOT EXISTS workflow_assignment_history_identity ON workflow_assignment_history (identity_id);
CREATE TABLE IF NOT EXISTS workflow_assignment_history_identities (
  identity_id     text PRIMARY KEY,
  employee_number text NOT NULL
);
`;

export interface AppliedExtension {
  readonly requestId: string;
  readonly validUntil: string;
  readonly extendedAt: string;
}

export interface WorkflowAssignmentHistoryRow {
  assignment_id: string;
  identity_id: string;
  employee_number: string | null;
  application_id: string;
  entitlement_key: string;
  source_kind: AssignmentSourceKind;
  source_reference: string;
  source_policy_version: number | null;
  valid_from: Date;
  duration_ms: string | null;
  added_at: Date;
  active_from: Date | null;
  initial_valid_until: Date | null;
  extensions: AppliedExtension[];
  revoked_at: Date | null;
  revocation_reason: AssignmentRevocationReason | null;
  revocation_acknowledged_at: Date | null;
}
