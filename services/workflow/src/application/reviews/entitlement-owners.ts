import type { Queryable } from '../../read-model/queryable';
import { applicationOwnerOf, catalogEntitlement } from '../../read-model/workflow-catalog/workflow-catalog.queries';

/** Who owns an entitlement, from the catalog copy: its owner, else its application's owner; null when the catalog names neither. */
export async function entitlementOwnerOf(db: Queryable, applicationId: string, entitlementKey: string): Promise<string | null> {
  const entitlement = await catalogEntitlement(db, applicationId, entitlementKey);
  return entitlement?.ownerEmployeeNumber ?? entitlement?.applicationOwnerEmployeeNumber ?? (await applicationOwnerOf(db, applicationId));
}
