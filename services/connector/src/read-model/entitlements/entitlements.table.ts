/**
 * The entitlement catalog: what each target lists (target_* columns, from discovery) and what
 * administrators said about it (annotated columns). Vanished entitlements stay, marked absent.
 */
export const CREATE_CONNECTOR_ENTITLEMENTS = `
CREATE TABLE IF NOT EXISTS connector_entitlements (
  application_id        text        NOT NULL,
  key                   text        NOT NULL,
  kind                  text        NOT NULL,
  target_display_name   text        NOT NULL,
  target_description    text,
  present               boolean     NOT NULL,
  discovered_at         timestamptz NOT NULL,
  vanished_at           timestamptz,
  display_name          text,
  description           text,
  owner_employee_number text,
  risk                  text,
  license_cost          numeric,
  license_currency      text,
  requestable           boolean     NOT NULL DEFAULT false,
  annotated_at          timestamptz,
  PRIMARY KEY (application_id, key)
);
`;

export interface EntitlementRow {
  application_id: string;
  key: string;
  kind: string;
  target_display_name: string;
  target_description: string | null;
  present: boolean;
  discovered_at: Date;
  vanished_at: Date | null;
  display_name: string | null;
  description: string | null;
  owner_employee_number: string | null;
  risk: string | null;
  /** numeric comes back from pg as text. */
  license_cost: string | null;
  license_currency: string | null;
  requestable: boolean;
  annotated_at: Date | null;
}
