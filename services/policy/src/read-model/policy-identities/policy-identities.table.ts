/**
 * Policy's own copy of who is who, folded from the identity service's published events (never from
 * its tables): what conditions test, and the manager links to walk for "reports to".
 */
export const CREATE_POLICY_IDENTITIES = `
CREATE TABLE IF NOT EXISTS policy_identities (
  employee_number         text        PRIMARY KEY,
  identity_id             text        NOT NULL,
  status                  text        NOT NULL,
  department              text        NOT NULL,
  title                   text        NOT NULL,
  location                text        NOT NULL,
  cost_center             text        NOT NULL,
  employment_type         text        NOT NULL,
  manager_employee_number text,
  custom                  jsonb       NOT NULL,
  -- The consumer snapshot (@tenure/contracts IdentitySnapshot) the next event is folded into.
  snapshot                jsonb       NOT NULL,
  updated_at              timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS policy_identities_identity ON policy_identities (identity_id);
CREATE INDEX IF NOT EXISTS policy_identities_manager ON policy_identities (manager_employee_number);
CREATE INDEX IF NOT EXISTS policy_identities_department ON policy_identities (department);
`;

export interface PolicyIdentityRow {
  employee_number: string;
  identity_id: string;
  status: 'pre-hire' | 'active' | 'on-leave' | 'terminated';
  department: string;
  title: string;
  location: string;
  cost_center: string;
  employment_type: string;
  manager_employee_number: string | null;
  custom: Record<string, string>;
}
