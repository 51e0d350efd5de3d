import type { AssignmentRevocationReason, AssignmentSourceKind } from '@tenure/contracts';
import type { AssignmentStatus } from '../../domain/assignments';

/** Every assignment workflow made, held or revoked, with its source and provisioning: what the subgraph shows and auditors read. */
export const CREATE_WORKFLOW_ASSIGNMENTS = `
CREATE TABLE IF NOT EXISTS workflow_assignments (
  assignment_id         text        PRIMARY KEY,
  identity_id           text        NOT NULL,
  application_id        text        NOT NULL,
  entitlement_key       text        NOT NULL,
  source_kind           text        NOT NULL,
  source_reference      text        NOT NULL,
  source_policy_version int,
  valid_from            timestamptz NOT NULL,
  valid_until           timestamptz,
  status                text        NOT NULL,
  revocation_reason     text,
  added_at              timestamptz NOT NULL,
  revoked_at            timestamptz
);
ALTER TABLE workflow_assignments ADD COLUMN IF NOT EXISTS duration_ms bigint;
ALTER TABLE workflow_assignments ADD COLUMN IF NOT EXISTS acknowledged_at timestamptz;
ALTER TABLE workflow_assignments ADD COLUMN IF NOT EXISTS revocation_acknowledged_at timestamptz;
ALTER TABLE workflow_assignments ADD COLUMN IF NOT EXISTS last_failure jsonb;
CREATE INDEX IF NOT EXISTS workflow_assignments_identity ON workflow_assignments (identity_id, status);
CREATE INDEX IF NOT EXISTS workflow_assignments_application ON workflow_assignments (application_id, entitlement_key);
`;

export interface WorkflowAssignmentRow {
  assignment_id: string;
  identity_id: string;
  application_id: string;
  entitlement_key: string;
  source_kind: AssignmentSourceKind;
  source_reference: string;
  source_policy_version: number | null;
  valid_from: Date;
  valid_until: Date | null;
  status: AssignmentStatus;
  revocation_reason: AssignmentRevocationReason | null;
  added_at: Date;
  revoked_at: Date | null;
  duration_ms: string | null;
  acknowledged_at: Date | null;
  revocation_acknowledged_at: Date | null;
  last_failure: { operationId: string; action: 'grant' | 'revoke'; errorKind: string; message: string; failedAt: string } | null;
}
