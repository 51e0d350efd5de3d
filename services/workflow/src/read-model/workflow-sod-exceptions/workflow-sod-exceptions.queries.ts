import type { SodException } from '@tenure/policy-decisions';
import type { Queryable } from '../queryable';
import type { WorkflowSodExceptionRow } from './workflow-sod-exceptions.table';

/** The identity's exceptions that apply at `now`: granted, neither revoked nor expired, and before their validUntil. */
export async function validExceptionsOf(db: Queryable, identityId: string, now: Date): Promise<SodException[]> {
  const { rows } = await db.query<WorkflowSodExceptionRow>(
    `SELECT exception_id, identity_id, rule_id, approved_by, reason, valid_until, status FROM workflow_sod_exceptions
      WHERE identity_id = $1 AND status = 'granted' AND valid_until > $2 ORDER BY exception_id`,
    [identityId, now],
  );
  return rows.map((row) => ({
    exceptionId: row.exception_id,
    ruleId: row.rule_id,
    identityId: row.identity_id,
    approvedBy: row.approved_by,
    reason: row.reason,
    validUntil: row.valid_until.toISOString(),
  }));
}
