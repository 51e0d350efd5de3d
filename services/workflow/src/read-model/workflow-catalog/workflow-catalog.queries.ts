import type { Queryable } from '../queryable';
import type { WorkflowCatalogEntitlementRow } from './workflow-catalog.table';

export interface CatalogEntitlementInfo {
  applicationId: string;
  entitlementKey: string;
  /** The administrator's name for it, else the target's, else its key. */
  displayName: string;
  /** Null: not assessed. */
  risk: string | null;
  /** The entitlement's owner from its annotation; null when none is named. */
  ownerEmployeeNumber: string | null;
  /** The owner of the whole application; null when the application is not (yet) known. */
  applicationOwnerEmployeeNumber: string | null;
  /** Null until an administrator annotated the entitlement. */
  requestable: boolean | null;
}

/** One entitlement of the catalog, or null when neither discovered nor annotated. */
export async function catalogEntitlement(
  db: Queryable,
  applicationId: string,
  entitlementKey: string,
): Promise<CatalogEntitlementInfo | null> {
  const { rows } = await db.query<WorkflowCatalogEntitlementRow & { application_owner: string | null }>(
    `SELECT e.application_id, e.entitlement_key, e.discovered_display_name, e.annotated_display_name, e.owner_employee_number,
            e.risk, e.requestable, a.owner_employee_number AS application_owner
       FROM workflow_catalog_entitlements e
       LEFT JOIN workflow_applications a ON a.application_id = e.application_id
      WHERE e.application_id = $1 AND e.entitlement_key = $2`,
    [applicationId, entitlementKey],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    applicationId: row.application_id,
    entitlementKey: row.entitlement_key,
    displayName: row.annotated_display_name ?? row.discovered_display_name ?? row.entitlement_key,
    risk: row.risk,
    ownerEmployeeNumber: row.owner_employee_number,
    applicationOwnerEmployeeNumber: row.application_owner,
    requestable: row.requestable,
  };
}

/** The employee number of the application's owner; null when the application is not known. */
export async function applicationOwnerOf(db: Queryable, applicationId: string): Promise<string | null> {
  const { rows } = await db.query<{ owner_employee_number: string }>(
    'SELECT owner_employee_number FROM workflow_applications WHERE application_id = $1',
    [applicationId],
  );
  return rows[0]?.owner_employee_number ?? null;
}
