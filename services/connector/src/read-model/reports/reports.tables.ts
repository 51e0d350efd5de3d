/**
 * The compliance reports' read model: when each provisioning decision was made and when the
 * application acknowledged the work it caused, and the accounts leavers and reviews freed. Folded
 * from the workflow's assignment events, the identity service's terminations and the connector's own
 * operation streams; the reports aggregate it in SQL (percentile_cont), never in memory.
 */
export const CREATE_CONNECTOR_REPORT_TABLES = `
-- Each decision that causes provisioning, by what an operation's cause names: the assignment added
-- (a grant), the assignment revoked (a revoke), the termination (the leaver's account disabled).
CREATE TABLE IF NOT EXISTS connector_report_decisions (
  decision_key    text        PRIMARY KEY,
  decided_at      timestamptz NOT NULL,
  -- Why access ends: the revocation reason, or 'leaver' for a termination; null for a grant.
  reason          text
);
-- One row per operation a decision caused: from the decision to the application's acknowledgement.
CREATE TABLE IF NOT EXISTS connector_provisioning_timings (
  operation_id    text        PRIMARY KEY,
  application_id  text        NOT NULL,
  identity_id     text        NOT NULL,
  direction       text        NOT NULL CHECK (direction IN ('provision', 'revoke')),
  reason          text,
  decided_at      timestamptz NOT NULL,
  acknowledged_at timestamptz
);
CREATE INDEX IF NOT EXISTS connector_provisioning_timings_decided ON connector_provisioning_timings (decided_at, application_id);
-- Whether each account (a seat) is held: a second disable of the same account frees nothing.
-- identity_id: whose account (empty for an orphan), to rename it when their personal data is erased.
CREATE TABLE IF NOT EXISTS connector_report_seats (
  application_id  text        NOT NULL,
  user_name       text        NOT NULL,
  held            boolean     NOT NULL,
  PRIMARY KEY (application_id, user_name)
);
ALTER TABLE connector_report_seats ADD COLUMN IF NOT EXISTS identity_id text;
-- An account a leaver or a review freed: one license reclaimed.
CREATE TABLE IF NOT EXISTS connector_licenses_reclaimed (
  operation_id    text        NOT NULL,
  application_id  text        NOT NULL,
  user_name       text        NOT NULL,
  identity_id     text        NOT NULL,
  reclaimed_by    text        NOT NULL CHECK (reclaimed_by IN ('leaver', 'review')),
  reclaimed_at    timestamptz NOT NULL,
  PRIMARY KEY (operation_id, application_id, user_name)
);
CREATE INDEX IF NOT EXISTS connector_licenses_reclaimed_at ON connector_licenses_reclaimed (reclaimed_at);
`;

export const CONNECTOR_REPORT_TABLES = [
  'connector_report_decisions',
  'connector_provisioning_timings',
  'connector_report_seats',
  'connector_licenses_reclaimed',
] as const;

/** Which way the work went: access given (a grant) or taken away (a revoke, a leaver's account disabled). */
export type ProvisioningDirection = 'provision' | 'revoke';

/** Who freed a license: a leaver flow (the termination or its revocations) or an access review's revocation. */
export type ReclaimedBy = 'leaver' | 'review';
