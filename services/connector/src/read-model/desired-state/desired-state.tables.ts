/**
 * The connector service's own copy of who is who, folded from the identity service's published
 * events (never from its tables): whose accounts to create, and with which attributes. The user
 * name is fixed when the identity is first seen (see userNameFor).
 */
export const CREATE_CONNECTOR_IDENTITIES = `
CREATE TABLE IF NOT EXISTS connector_identities (
  identity_id     text        PRIMARY KEY,
  employee_number text        NOT NULL UNIQUE,
  status          text        NOT NULL,
  given_name      text        NOT NULL,
  family_name     text        NOT NULL,
  email           text        NOT NULL,
  user_name       text        NOT NULL,
  -- The consumer snapshot (@tenure/contracts IdentitySnapshot) the next event is folded into.
  snapshot        jsonb       NOT NULL,
  terminated_at   timestamptz,
  updated_at      timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS connector_identities_user_name ON connector_identities (user_name);
`;

/** The desired state: every assignment the workflow service published, active or revoked. */
export const CREATE_CONNECTOR_ASSIGNMENTS = `
CREATE TABLE IF NOT EXISTS connector_assignments (
  assignment_id     text        PRIMARY KEY,
  identity_id       text        NOT NULL,
  application_id    text        NOT NULL,
  entitlement_key   text        NOT NULL,
  source            jsonb       NOT NULL,
  valid_from        timestamptz NOT NULL,
  valid_until       timestamptz,
  status            text        NOT NULL,
  revocation_reason text,
  added_at          timestamptz NOT NULL,
  revoked_at        timestamptz
);
CREATE INDEX IF NOT EXISTS connector_assignments_application_identity ON connector_assignments (application_id, identity_id);
CREATE INDEX IF NOT EXISTS connector_assignments_identity ON connector_assignments (identity_id);
`;

export type ConnectorIdentityStatus = 'pre-hire' | 'active' | 'on-leave' | 'terminated';

export interface ConnectorIdentityRow {
  identity_id: string;
  employee_number: string;
  status: ConnectorIdentityStatus;
  given_name: string;
  family_name: string;
  email: string;
  user_name: string;
  terminated_at: Date | null;
  updated_at: Date;
}

export interface ConnectorAssignmentRow {
  assignment_id: string;
  identity_id: string;
  application_id: string;
  entitlement_key: string;
  source: { kind: string; reference: string; policyVersion: number | null };
  valid_from: Date;
  valid_until: Date | null;
  status: 'active' | 'revoked';
  revocation_reason: string | null;
  added_at: Date;
  revoked_at: Date | null;
}
