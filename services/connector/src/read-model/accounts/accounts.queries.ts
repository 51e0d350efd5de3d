import type { Queryable } from '../queryable';
import type { AccountRow, GrantRow } from './accounts.table';

/** The accounts Tenure provisioned for the identity, by application. */
export async function accountsOf(db: Queryable, identityId: string): Promise<AccountRow[]> {
  const { rows } = await db.query<AccountRow>('SELECT * FROM connector_accounts WHERE identity_id = $1 ORDER BY application_id', [
    identityId,
  ]);
  return rows;
}

/** The entitlements Tenure granted to the identity, by application then key. */
export async function grantsOf(db: Queryable, identityId: string, applicationId?: string): Promise<GrantRow[]> {
  const { rows } = await db.query<GrantRow>(
    `SELECT * FROM connector_grants WHERE identity_id = $1 AND ($2::text IS NULL OR application_id = $2)
      ORDER BY application_id, entitlement_key`,
    [identityId, applicationId ?? null],
  );
  return rows;
}

/** The applications where the identity has an account Tenure knows of: where a leaver must be disabled. */
export async function applicationsWithAccountOf(db: Queryable, identityId: string): Promise<string[]> {
  const { rows } = await db.query<{ application_id: string }>(
    'SELECT application_id FROM connector_accounts WHERE identity_id = $1 ORDER BY application_id',
    [identityId],
  );
  return rows.map((row) => row.application_id);
}
