import type { SodException } from '@tenure/policy-decisions';
import type { Queryable } from '../queryable';
import type { SodExceptionRow } from './sod-exceptions.table';

export type SodExceptionStatus = 'active' | 'expired' | 'revoked';

export type SodExceptionWithStatus = SodException & { readonly status: SodExceptionStatus };

export interface SodExceptionFilter {
  readonly identityId?: string;
  readonly ruleId?: string;
  /** Also expired and revoked ones. Default: active only. */
  readonly includeInactive?: boolean;
}

const COLUMNS = 'exception_id, rule_id, identity_id, approved_by, reason, valid_until, granted_at, revoked_at';

/** Newest grant first. An exception is active before its validUntil and until revoked. */
export async function listSodExceptions(db: Queryable, filter: SodExceptionFilter, now: Date): Promise<SodExceptionWithStatus[]> {
  const { rows } = await db.query<SodExceptionRow>(
    `SELECT ${COLUMNS} FROM sod_exceptions
      WHERE ($1::text IS NULL OR identity_id = $1) AND ($2::text IS NULL OR rule_id = $2)
        AND ($3 OR (revoked_at IS NULL AND valid_until > $4))
      ORDER BY granted_at DESC, exception_id`,
    [filter.identityId ?? null, filter.ruleId ?? null, filter.includeInactive ?? false, now],
  );
  return rows.map((row) => ({ ...toSodException(row), status: statusOf(row, now) }));
}

/** Active exceptions by identity id, for these identities (all identities when `identityIds` is null). */
export async function activeSodExceptions(
  db: Queryable,
  identityIds: readonly string[] | null,
  now: Date,
): Promise<Map<string, SodException[]>> {
  const { rows } = await db.query<SodExceptionRow>(
    `SELECT ${COLUMNS} FROM sod_exceptions
      WHERE revoked_at IS NULL AND valid_until > $1 AND ($2::text[] IS NULL OR identity_id = ANY ($2::text[]))
      ORDER BY granted_at, exception_id`,
    [now, identityIds],
  );
  const byIdentity = new Map<string, SodException[]>();
  for (const row of rows) byIdentity.set(row.identity_id, [...(byIdentity.get(row.identity_id) ?? []), toSodException(row)]);
  return byIdentity;
}

export async function findSodException(db: Queryable, exceptionId: string): Promise<SodException | null> {
  const { rows } = await db.query<SodExceptionRow>(`SELECT ${COLUMNS} FROM sod_exceptions WHERE exception_id = $1`, [exceptionId]);
  return rows[0] ? toSodException(rows[0]) : null;
}

function statusOf(row: SodExceptionRow, now: Date): SodExceptionStatus {
  if (row.revoked_at) return 'revoked';
  return row.valid_until.getTime() > now.getTime() ? 'active' : 'expired';
}

function toSodException(row: SodExceptionRow): SodException {
  return {
    exceptionId: row.exception_id,
    ruleId: row.rule_id,
    identityId: row.identity_id,
    approvedBy: row.approved_by,
    reason: row.reason,
    validUntil: row.valid_until.toISOString(),
  };
}
