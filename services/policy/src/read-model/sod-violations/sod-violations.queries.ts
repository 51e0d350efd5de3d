import type { SodViolation } from '@tenure/policy-decisions';
import type { Queryable } from '../queryable';
import type { SodViolationRow } from './sod-violations.table';

/** A violation the detective found and that is not resolved. */
export interface DetectedViolation {
  readonly identityId: string;
  readonly employeeNumber: string;
  readonly violation: SodViolation;
  readonly detectedAt: string;
  readonly policyVersion: number;
}

export interface SodViolationFilter {
  readonly identityId?: string;
  readonly ruleId?: string;
}

/** By employee number, then rule. */
export async function listSodViolations(db: Queryable, filter: SodViolationFilter): Promise<DetectedViolation[]> {
  const { rows } = await db.query<SodViolationRow>(
    `SELECT identity_id, rule_id, employee_number, policy_version, violation, detected_at FROM sod_violations
      WHERE ($1::text IS NULL OR identity_id = $1) AND ($2::text IS NULL OR rule_id = $2)
      ORDER BY employee_number, rule_id`,
    [filter.identityId ?? null, filter.ruleId ?? null],
  );
  return rows.map((row) => ({
    identityId: row.identity_id,
    employeeNumber: row.employee_number,
    violation: row.violation as SodViolation,
    detectedAt: row.detected_at.toISOString(),
    policyVersion: row.policy_version,
  }));
}

/** Identities with at least one current violation (all, or among `identityIds`). */
export async function identitiesWithViolations(db: Queryable, identityIds: readonly string[] | null): Promise<Set<string>> {
  const { rows } = await db.query<{ identity_id: string }>(
    'SELECT DISTINCT identity_id FROM sod_violations WHERE $1::text[] IS NULL OR identity_id = ANY ($1::text[])',
    [identityIds],
  );
  return new Set(rows.map((row) => row.identity_id));
}

/** Open (unwaived) violations counted by rule, with the rule's name as detected. */
export async function sodViolationCounts(
  db: Queryable,
): Promise<{ ruleId: string; ruleName: string; violations: number; identities: number }[]> {
  const { rows } = await db.query<{ rule_id: string; rule_name: string; violations: number; identities: number }>(
    `SELECT rule_id, max(violation->>'ruleName') AS rule_name, count(*)::int AS violations, count(DISTINCT identity_id)::int AS identities
       FROM sod_violations GROUP BY rule_id ORDER BY rule_id`,
  );
  return rows.map((row) => ({ ruleId: row.rule_id, ruleName: row.rule_name, violations: row.violations, identities: row.identities }));
}

/** How many identities have at least one open violation. */
export async function identitiesInViolation(db: Queryable): Promise<number> {
  const { rows } = await db.query<{ identities: number }>('SELECT count(DISTINCT identity_id)::int AS identities FROM sod_violations');
  return rows[0]?.identities ?? 0;
}
