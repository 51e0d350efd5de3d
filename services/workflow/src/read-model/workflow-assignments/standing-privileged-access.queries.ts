import type { AssignmentSource } from '@tenure/contracts';
import type { Queryable } from '../queryable';

/** The catalog's risk levels that make an entitlement privileged. */
export const PRIVILEGED_RISKS = ['high', 'critical'] as const;

/** A privileged entitlement held with no end: who, what, since when and why. */
export interface StandingPrivilegedGrant {
  readonly assignmentId: string;
  readonly identityId: string;
  /** Null only if workflow never saw an identity event for the holder. */
  readonly employeeNumber: string | null;
  readonly applicationId: string;
  readonly applicationName: string | null;
  readonly entitlementKey: string;
  readonly entitlementName: string | null;
  readonly risk: string;
  readonly source: AssignmentSource;
  readonly addedAt: Date;
  /** When the application acknowledged the grant: held from then. */
  readonly heldSince: Date;
}

export interface StandingPrivilegedPage {
  readonly total: number;
  readonly grants: readonly StandingPrivilegedGrant[];
}

// Held (the grant acknowledged, not revoked), no end date and no duration (a just-in-time grant
// has one), on an entitlement the catalog rates high or critical.
const PRIVILEGED_ASSIGNMENTS = `workflow_assignments a
  JOIN workflow_catalog_entitlements c ON c.application_id = a.application_id AND c.entitlement_key = a.entitlement_key`;
const STANDING = `a.status = 'active' AND a.valid_until IS NULL AND a.duration_ms IS NULL AND c.risk = ANY ($1::text[])`;

/** Oldest holding first: the longest-standing access is the one to question first. */
export async function standingPrivilegedAccess(db: Queryable, first: number): Promise<StandingPrivilegedPage> {
  const [{ rows: counted }, { rows }] = await Promise.all([
    db.query<{ total: number }>(`SELECT count(*)::int AS total FROM ${PRIVILEGED_ASSIGNMENTS} WHERE ${STANDING}`, [PRIVILEGED_RISKS]),
    db.query<{
      assignment_id: string;
      identity_id: string;
      employee_number: string | null;
      application_id: string;
      application_name: string | null;
      entitlement_key: string;
      entitlement_name: string | null;
      risk: string;
      source_kind: AssignmentSource['kind'];
      source_reference: string;
      source_policy_version: number | null;
      added_at: Date;
      held_since: Date;
    }>(
      `SELECT a.assignment_id, a.identity_id, i.employee_number, a.application_id, app.name AS application_name, a.entitlement_key,
              COALESCE(c.annotated_display_name, c.discovered_display_name) AS entitlement_name, c.risk,
              a.source_kind, a.source_reference, a.source_policy_version, a.added_at,
              COALESCE(a.acknowledged_at, a.valid_from) AS held_since
         FROM ${PRIVILEGED_ASSIGNMENTS}
         LEFT JOIN LATERAL (SELECT employee_number FROM workflow_identities WHERE identity_id = a.identity_id LIMIT 1) i ON true
         LEFT JOIN workflow_applications app ON app.application_id = a.application_id
        WHERE ${STANDING}
        ORDER BY held_since, a.assignment_id
        LIMIT $2`,
      [PRIVILEGED_RISKS, first],
    ),
  ]);
  return {
    total: counted[0]?.total ?? 0,
    grants: rows.map((row) => ({
      assignmentId: row.assignment_id,
      identityId: row.identity_id,
      employeeNumber: row.employee_number,
      applicationId: row.application_id,
      applicationName: row.application_name,
      entitlementKey: row.entitlement_key,
      entitlementName: row.entitlement_name,
      risk: row.risk,
      source: { kind: row.source_kind, reference: row.source_reference, policyVersion: row.source_policy_version },
      addedAt: row.added_at,
      heldSince: row.held_since,
    })),
  };
}
