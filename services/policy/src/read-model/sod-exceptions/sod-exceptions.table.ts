/** Every SoD exception ever granted; whether it is active, expired or revoked is read against the clock. */
export const CREATE_SOD_EXCEPTIONS = `
CREATE TABLE IF NOT EXISTS sod_exceptions (
  exception_id  text        PRIMARY KEY,
  rule_id       text        NOT NULL,
  identity_id   text        NOT NULL,
  approved_by   text        NOT NULL,
  reason        text        NOT NULL,
  valid_until   timestamptz NOT NULL,
  granted_at    timestamptz NOT NULL,
  revoked_at    timestamptz,
  revoked_by    text,
  revoke_reason text
);
CREATE INDEX IF NOT EXISTS sod_exceptions_identity ON sod_exceptions (identity_id);
CREATE INDEX IF NOT EXISTS sod_exceptions_rule ON sod_exceptions (rule_id);
`;

export interface SodExceptionRow {
  exception_id: string;
  rule_id: string;
  identity_id: string;
  approved_by: string;
  reason: string;
  valid_until: Date;
  granted_at: Date;
  revoked_at: Date | null;
  revoked_by: string | null;
  revoke_reason: string | null;
}
