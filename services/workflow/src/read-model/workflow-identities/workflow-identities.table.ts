import type { IdentitySnapshot, PublishedIdentityStatus } from '@tenure/contracts';

/**
 * Workflow's own copy of who is who, folded from the identity service's published events (never
 * from its tables): the status and attributes birthright is decided on, and the manager links that
 * "reports to" conditions walk.
 */
export const CREATE_WORKFLOW_IDENTITIES = `
CREATE TABLE IF NOT EXISTS workflow_identities (
  employee_number         text        PRIMARY KEY,
  identity_id             text        NOT NULL,
  status                  text        NOT NULL,
  manager_employee_number text,
  -- The consumer snapshot (@tenure/contracts IdentitySnapshot) the next event is folded into.
  snapshot                jsonb       NOT NULL,
  updated_at              timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS workflow_identities_identity ON workflow_identities (identity_id);
CREATE INDEX IF NOT EXISTS workflow_identities_manager ON workflow_identities (manager_employee_number);
CREATE INDEX IF NOT EXISTS workflow_identities_status ON workflow_identities (status);
`;

export interface WorkflowIdentityRow {
  employee_number: string;
  identity_id: string;
  status: PublishedIdentityStatus;
  manager_employee_number: string | null;
  snapshot: IdentitySnapshot;
}
