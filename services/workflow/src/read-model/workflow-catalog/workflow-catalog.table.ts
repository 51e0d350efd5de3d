/**
 * Workflow's copy of the connector's applications and entitlement catalog, folded from the
 * published application and catalog events (@tenure/contracts catalog-events.ts), never from the
 * connector's tables: who owns what (approvals and reviews go to owners) and how risky it is.
 */
export const CREATE_WORKFLOW_CATALOG = `
CREATE TABLE IF NOT EXISTS workflow_applications (
  application_id        text        PRIMARY KEY,
  name                  text        NOT NULL,
  owner_employee_number text        NOT NULL,
  updated_at            timestamptz NOT NULL
);
CREATE TABLE IF NOT EXISTS workflow_catalog_entitlements (
  application_id          text        NOT NULL,
  entitlement_key         text        NOT NULL,
  -- The target's own name, from discovery; null if annotated before it was seen (not expected).
  discovered_display_name text,
  -- From the latest annotation; all null (requestable too) until the entitlement is annotated.
  annotated_display_name  text,
  owner_employee_number   text,
  risk                    text,
  requestable             boolean,
  updated_at              timestamptz NOT NULL,
  PRIMARY KEY (application_id, entitlement_key)
);
`;

export interface WorkflowCatalogEntitlementRow {
  application_id: string;
  entitlement_key: string;
  discovered_display_name: string | null;
  annotated_display_name: string | null;
  owner_employee_number: string | null;
  risk: string | null;
  requestable: boolean | null;
}
