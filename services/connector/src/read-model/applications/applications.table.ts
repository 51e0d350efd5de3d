/** Registered applications as administrators see them: no secret, only which credentials are set and when. */
export const CREATE_CONNECTOR_APPLICATIONS = `
CREATE TABLE IF NOT EXISTS connector_applications (
  application_id        text        PRIMARY KEY,
  name                  text        NOT NULL,
  connector_type        text        NOT NULL,
  settings              jsonb       NOT NULL,
  credential_names      text[]      NOT NULL,
  credentials_set_at    timestamptz,
  owner_employee_number text        NOT NULL,
  paused                boolean     NOT NULL,
  pause_reason          text,
  paused_at             timestamptz,
  registered_at         timestamptz NOT NULL,
  updated_at            timestamptz NOT NULL
);
-- Added with reconciliation: tables made before it get the columns with the registration default.
ALTER TABLE connector_applications
  ADD COLUMN IF NOT EXISTS reconciliation_remediation       text NOT NULL DEFAULT 'flag',
  ADD COLUMN IF NOT EXISTS reconciliation_schedule_minutes  integer DEFAULT 1440;
-- Added with the compliance reports: what one account costs per month (null: unknown or free).
ALTER TABLE connector_applications
  ADD COLUMN IF NOT EXISTS license_cost_per_month  numeric,
  ADD COLUMN IF NOT EXISTS license_cost_currency   text;
`;

export interface ApplicationRow {
  application_id: string;
  name: string;
  connector_type: string;
  settings: Record<string, unknown>;
  credential_names: string[];
  credentials_set_at: Date | null;
  owner_employee_number: string;
  paused: boolean;
  pause_reason: string | null;
  paused_at: Date | null;
  registered_at: Date;
  updated_at: Date;
  reconciliation_remediation: string;
  reconciliation_schedule_minutes: number | null;
  /** numeric comes back from pg as text. */
  license_cost_per_month: string | null;
  license_cost_currency: string | null;
}
