/**
 * What Tenure did in the targets, from the operations' outcomes: the account each identity has in
 * each application and the entitlements granted to it. Reconciliation compares targets with the
 * desired state, not with these; these answer "what has Tenure provisioned for this person".
 */
export const CREATE_CONNECTOR_ACCOUNTS = `
CREATE TABLE IF NOT EXISTS connector_accounts (
  application_id    text        NOT NULL,
  identity_id       text        NOT NULL,
  user_name         text        NOT NULL,
  status            text        NOT NULL,
  last_operation_id text        NOT NULL,
  updated_at        timestamptz NOT NULL,
  PRIMARY KEY (application_id, identity_id)
);
CREATE INDEX IF NOT EXISTS connector_accounts_identity ON connector_accounts (identity_id);

CREATE TABLE IF NOT EXISTS connector_grants (
  application_id  text        NOT NULL,
  identity_id     text        NOT NULL,
  entitlement_key text        NOT NULL,
  assignment_id   text,
  granted_at      timestamptz NOT NULL,
  PRIMARY KEY (application_id, identity_id, entitlement_key)
);
CREATE INDEX IF NOT EXISTS connector_grants_identity ON connector_grants (identity_id);
`;

export type AccountStatus = 'enabled' | 'disabled';

export interface AccountRow {
  application_id: string;
  identity_id: string;
  user_name: string;
  status: AccountStatus;
  last_operation_id: string;
  updated_at: Date;
}

export interface GrantRow {
  application_id: string;
  identity_id: string;
  entitlement_key: string;
  assignment_id: string | null;
  granted_at: Date;
}
