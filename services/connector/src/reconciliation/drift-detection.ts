import type { Queryable } from '../read-model/queryable';
import type { RunScope } from './scratch-tables';

export interface DetectionWindow {
  readonly now: Date;
  /**
   * Changes newer than this are left to the provisioning already under way (a grant queued for an
   * assignment added a minute ago is not a missing grant yet); null compares everything.
   */
  readonly settledBefore: Date | null;
}

/** The drift of one run, as the comparison found it, before it is named and decided. */
export interface DriftCandidate {
  readonly seq: number;
  readonly kind: 'orphaned-account' | 'grant-outside-tenure' | 'missing-grant' | 'attribute-drift';
  readonly userName: string;
  readonly entitlementKey: string | null;
  readonly identityId: string | null;
  readonly employeeNumber: string | null;
  readonly identityStatus: 'pre-hire' | 'active' | 'on-leave' | 'terminated' | null;
  readonly accountEnabled: boolean | null;
  readonly assignmentId: string | null;
  readonly reasonCode: 'no-identity' | 'identity-terminated' | 'no-assignment' | 'no-account' | 'not-granted' | 'attributes-differ';
  readonly targetEmployeeNumber: string | null;
  readonly targetDisplayName: string | null;
  readonly targetEmail: string | null;
  readonly identityDisplayName: string | null;
  readonly identityEmail: string | null;
}

// The four comparisons, as anti-joins of what the target holds (the run's scratch rows) against
// what Tenure knows and wants (connector_identities, connector_assignments). Each kind yields each
// subject once, numbered in a fixed order so that the run can page through the result by `seq`.
//
// - A disabled account that no identity, or a terminated one, owns is where Tenure takes orphans
//   and leavers (it disables, it never deletes): neither the account nor its grants are drift.
// - An assignment revoked within the settle window still covers its grant (the revocation is on
//   its way); an assignment added or starting within it is not owed yet.
// - Missing grants are owed to identities that are active or on leave, whose assignment has started
//   and not ended; the account may not exist at all (then the user name is the identity's).
const DETECT_DRIFT = `
WITH accounts AS (
  SELECT a.user_name, a.enabled, a.display_name, a.email, a.employee_number AS target_employee_number,
         i.identity_id, i.employee_number, i.status, i.terminated_at, i.updated_at AS identity_updated_at,
         trim(i.given_name || ' ' || i.family_name) AS identity_display_name, i.email AS identity_email
    FROM connector_reconciliation_scratch_accounts a
    LEFT JOIN connector_identities i ON i.identity_id = a.identity_id
   WHERE a.run_id = $1
),
grants AS (
  SELECT g.user_name, g.entitlement_key, acc.enabled,
         COALESCE(acc.identity_id, (SELECT i.identity_id FROM connector_identities i WHERE i.user_name = g.user_name
                                     ORDER BY i.status = 'terminated', i.identity_id LIMIT 1)) AS identity_id
    FROM connector_reconciliation_scratch_grants g
    LEFT JOIN accounts acc ON acc.user_name = g.user_name
   WHERE g.run_id = $1
),
owned_grants AS (
  SELECT g.*, i.employee_number, i.status
    FROM grants g LEFT JOIN connector_identities i ON i.identity_id = g.identity_id
),
found AS (
  SELECT 'orphaned-account' AS kind, a.user_name, NULL::text AS entitlement_key, a.identity_id, a.employee_number, a.status,
         a.enabled AS account_enabled, NULL::text AS assignment_id,
         CASE WHEN a.identity_id IS NULL THEN 'no-identity' ELSE 'identity-terminated' END AS reason_code,
         a.target_employee_number, a.display_name AS target_display_name, a.email AS target_email,
         NULL::text AS identity_display_name, NULL::text AS identity_email
    FROM accounts a
   WHERE a.enabled
     AND (a.identity_id IS NULL OR (a.status = 'terminated' AND ($4::timestamptz IS NULL OR a.terminated_at <= $4)))
  UNION ALL
  SELECT 'grant-outside-tenure', o.user_name, o.entitlement_key, o.identity_id, o.employee_number, o.status, o.enabled, NULL,
         CASE WHEN o.identity_id IS NULL THEN 'no-identity' ELSE 'no-assignment' END, NULL, NULL, NULL, NULL, NULL
    FROM owned_grants o
   WHERE NOT COALESCE(o.enabled = false AND (o.identity_id IS NULL OR o.status = 'terminated'), false)
     AND NOT EXISTS (
       SELECT 1 FROM connector_assignments s
        WHERE s.application_id = $2 AND s.identity_id = o.identity_id AND s.entitlement_key = o.entitlement_key
          AND (s.status = 'active' OR ($4::timestamptz IS NOT NULL AND s.revoked_at > $4)))
  UNION ALL
  (SELECT DISTINCT ON (s.identity_id, s.entitlement_key)
         'missing-grant', COALESCE(acc.user_name, i.user_name), s.entitlement_key, s.identity_id, i.employee_number, i.status,
         acc.enabled, s.assignment_id, CASE WHEN acc.user_name IS NULL THEN 'no-account' ELSE 'not-granted' END,
         NULL, NULL, NULL, NULL, NULL
    FROM connector_assignments s
    JOIN connector_identities i ON i.identity_id = s.identity_id
    LEFT JOIN LATERAL (
      SELECT a.user_name, a.enabled FROM connector_reconciliation_scratch_accounts a
       WHERE a.run_id = $1 AND a.identity_id = s.identity_id
       ORDER BY a.user_name = i.user_name DESC, a.user_name LIMIT 1) acc ON true
   WHERE s.application_id = $2 AND s.status = 'active' AND i.status IN ('active', 'on-leave')
     AND s.valid_from <= $3 AND (s.valid_until IS NULL OR s.valid_until > $3)
     AND ($4::timestamptz IS NULL OR GREATEST(s.valid_from, s.added_at) <= $4)
     AND NOT EXISTS (SELECT 1 FROM grants g WHERE g.identity_id = s.identity_id AND g.entitlement_key = s.entitlement_key)
   ORDER BY s.identity_id, s.entitlement_key, s.valid_from, s.assignment_id)
  UNION ALL
  SELECT 'attribute-drift', a.user_name, NULL, a.identity_id, a.employee_number, a.status, a.enabled, NULL, 'attributes-differ',
         a.target_employee_number, a.display_name, a.email, a.identity_display_name, a.identity_email
    FROM accounts a
   WHERE a.identity_id IS NOT NULL AND a.status <> 'terminated'
     AND ($4::timestamptz IS NULL OR a.identity_updated_at <= $4)
     AND ((a.display_name IS NOT NULL AND a.display_name <> a.identity_display_name)
       OR (a.email IS NOT NULL AND lower(a.email) <> lower(a.identity_email)))
)
INSERT INTO connector_reconciliation_scratch_drift
  (run_id, seq, application_id, kind, user_name, entitlement_key, identity_id, employee_number, identity_status, account_enabled,
   assignment_id, reason_code, target_employee_number, target_display_name, target_email, identity_display_name, identity_email)
SELECT $1, row_number() OVER (ORDER BY f.user_name, f.kind, f.entitlement_key NULLS FIRST), $2, f.*
  FROM found f
`;

/** Compares the run's scratch rows with the desired state; the drift lands in the run's scratch drift rows. Resolves how many. */
export async function detectDrift(db: Queryable, scope: RunScope, window: DetectionWindow): Promise<number> {
  const result = await db.query(DETECT_DRIFT, [scope.runId, scope.applicationId, window.now, window.settledBefore]);
  return result.rowCount ?? 0;
}

interface CandidateRow {
  seq: string;
  kind: DriftCandidate['kind'];
  user_name: string;
  entitlement_key: string | null;
  identity_id: string | null;
  employee_number: string | null;
  identity_status: DriftCandidate['identityStatus'];
  account_enabled: boolean | null;
  assignment_id: string | null;
  reason_code: DriftCandidate['reasonCode'];
  target_employee_number: string | null;
  target_display_name: string | null;
  target_email: string | null;
  identity_display_name: string | null;
  identity_email: string | null;
}

/** The run's drift in pages of `pageSize`, by `seq` (keyset): never more than a page in memory. */
export async function* driftPages(db: Queryable, runId: string, pageSize: number): AsyncGenerator<DriftCandidate[]> {
  let after = 0;
  for (;;) {
    const { rows } = await db.query<CandidateRow>(
      'SELECT * FROM connector_reconciliation_scratch_drift WHERE run_id = $1 AND seq > $2 ORDER BY seq LIMIT $3',
      [runId, after, pageSize],
    );
    if (rows.length === 0) return;
    yield rows.map(toCandidate);
    after = Number(rows[rows.length - 1]!.seq);
    if (rows.length < pageSize) return;
  }
}

function toCandidate(row: CandidateRow): DriftCandidate {
  return {
    seq: Number(row.seq),
    kind: row.kind,
    userName: row.user_name,
    entitlementKey: row.entitlement_key,
    identityId: row.identity_id,
    employeeNumber: row.employee_number,
    identityStatus: row.identity_status,
    accountEnabled: row.account_enabled,
    assignmentId: row.assignment_id,
    reasonCode: row.reason_code,
    targetEmployeeNumber: row.target_employee_number,
    targetDisplayName: row.target_display_name,
    targetEmail: row.target_email,
    identityDisplayName: row.identity_display_name,
    identityEmail: row.identity_email,
  };
}
