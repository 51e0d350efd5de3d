import type { HeldEntitlement } from '@tenure/policy-decisions';
import type { Queryable } from '../queryable';
import type { PolicyAssignmentRow } from './policy-assignments.table';

/** What these identities hold (added, not revoked), by identity id; an identity holding nothing is missing. */
export async function heldEntitlementsOf(db: Queryable, identityIds: readonly string[]): Promise<Map<string, HeldEntitlement[]>> {
  const held = new Map<string, HeldEntitlement[]>();
  if (identityIds.length === 0) return held;
  const { rows } = await db.query<PolicyAssignmentRow>(
    `SELECT assignment_id, identity_id, application_id, entitlement_key, source FROM policy_assignments
      WHERE identity_id = ANY ($1::text[]) AND NOT revoked ORDER BY identity_id, application_id, entitlement_key, assignment_id`,
    [identityIds],
  );
  for (const row of rows) {
    const list = held.get(row.identity_id) ?? [];
    list.push({
      entitlement: { application: row.application_id, entitlement: row.entitlement_key },
      source: `${row.source.kind}: ${row.source.reference}`,
    });
    held.set(row.identity_id, list);
  }
  return held;
}
