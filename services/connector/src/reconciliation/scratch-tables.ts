import type { TargetAccount, TargetGrant } from '@tenure/connector-sdk';
import { withAdvisoryLock } from '@tenure/event-store-postgres';
import type { Pool } from 'pg';
import type { Queryable } from '../read-model/queryable';

// Where a run puts what it reads from the target, page by page, so that comparing 100,000 accounts
// with the desired state is SQL over tables, not a map in memory. UNLOGGED: a run cut short by a
// crash is failed anyway, so its rows need no crash safety (and writing them costs no WAL).
// Every row carries its run and application; a run deletes its own at the end, and the next run
// of the application deletes whatever a crashed one left.

const CREATE_SCRATCH_TABLES = `
CREATE UNLOGGED TABLE IF NOT EXISTS connector_reconciliation_scratch_accounts (
  run_id          text    NOT NULL,
  application_id  text    NOT NULL,
  user_name       text    NOT NULL,
  enabled         boolean NOT NULL,
  display_name    text,
  email           text,
  employee_number text,
  -- The identity the account belongs to: by the employee number the target recorded, else by user name.
  identity_id     text,
  PRIMARY KEY (run_id, user_name)
);
CREATE INDEX IF NOT EXISTS connector_reconciliation_scratch_accounts_identity
  ON connector_reconciliation_scratch_accounts (run_id, identity_id);
CREATE INDEX IF NOT EXISTS connector_reconciliation_scratch_accounts_application
  ON connector_reconciliation_scratch_accounts (application_id);

CREATE UNLOGGED TABLE IF NOT EXISTS connector_reconciliation_scratch_grants (
  run_id          text NOT NULL,
  application_id  text NOT NULL,
  user_name       text NOT NULL,
  entitlement_key text NOT NULL,
  PRIMARY KEY (run_id, user_name, entitlement_key)
);
CREATE INDEX IF NOT EXISTS connector_reconciliation_scratch_grants_application
  ON connector_reconciliation_scratch_grants (application_id);

CREATE UNLOGGED TABLE IF NOT EXISTS connector_reconciliation_scratch_drift (
  run_id                text    NOT NULL,
  seq                   bigint  NOT NULL,
  application_id        text    NOT NULL,
  kind                  text    NOT NULL,
  user_name             text    NOT NULL,
  entitlement_key       text,
  identity_id           text,
  employee_number       text,
  identity_status       text,
  account_enabled       boolean,
  assignment_id         text,
  reason_code           text    NOT NULL,
  target_employee_number text,
  target_display_name   text,
  target_email          text,
  identity_display_name text,
  identity_email        text,
  PRIMARY KEY (run_id, seq)
);
CREATE INDEX IF NOT EXISTS connector_reconciliation_scratch_drift_application
  ON connector_reconciliation_scratch_drift (application_id);
`;

export const SCRATCH_TABLES = [
  'connector_reconciliation_scratch_accounts',
  'connector_reconciliation_scratch_grants',
  'connector_reconciliation_scratch_drift',
] as const;

const created = new WeakMap<Pool, Promise<void>>();

/** Creates the scratch tables once per pool; concurrent first runs of several applications queue on one lock. */
export function ensureScratchTables(pool: Pool): Promise<void> {
  let creating = created.get(pool);
  if (!creating) {
    creating = withAdvisoryLock(pool, 'connector-reconciliation-scratch-tables', (client) => client.query(CREATE_SCRATCH_TABLES)).then(
      () => undefined,
    );
    creating.catch(() => created.delete(pool));
    created.set(pool, creating);
  }
  return creating;
}

export interface RunScope {
  readonly runId: string;
  readonly applicationId: string;
}

/** One page of accounts, matched to identities as it is written. */
export async function storeAccounts(db: Queryable, scope: RunScope, accounts: readonly TargetAccount[]): Promise<void> {
  if (accounts.length === 0) return;
  // An empty value is no value: the target did not record it, so it is not compared.
  const known = (value: string | null) => (value === '' ? null : value);
  const rows = accounts.map(({ userName, enabled, displayName, email, employeeNumber }) => ({
    user_name: userName,
    enabled,
    display_name: known(displayName),
    email: known(email),
    employee_number: known(employeeNumber),
  }));
  // The employee number the target recorded is the stronger match; a user name two identities share
  // goes to the one not terminated (then the lowest id, so that every run decides the same).
  await db.query(
    `INSERT INTO connector_reconciliation_scratch_accounts
       (run_id, application_id, user_name, enabled, display_name, email, employee_number, identity_id)
     SELECT $1, $2, r.user_name, r.enabled, r.display_name, r.email, r.employee_number,
            COALESCE(
              (SELECT i.identity_id FROM connector_identities i WHERE r.employee_number IS NOT NULL AND i.employee_number = r.employee_number),
              (SELECT i.identity_id FROM connector_identities i WHERE i.user_name = r.user_name
                ORDER BY i.status = 'terminated', i.identity_id LIMIT 1))
       FROM jsonb_to_recordset($3::jsonb) AS r(user_name text, enabled boolean, display_name text, email text, employee_number text)
     ON CONFLICT (run_id, user_name) DO NOTHING`,
    [scope.runId, scope.applicationId, JSON.stringify(rows)],
  );
}

export async function storeGrants(db: Queryable, scope: RunScope, grants: readonly TargetGrant[]): Promise<void> {
  if (grants.length === 0) return;
  const rows = grants.map(({ userName, entitlementKey }) => ({ user_name: userName, entitlement_key: entitlementKey }));
  await db.query(
    `INSERT INTO connector_reconciliation_scratch_grants (run_id, application_id, user_name, entitlement_key)
     SELECT $1, $2, r.user_name, r.entitlement_key FROM jsonb_to_recordset($3::jsonb) AS r(user_name text, entitlement_key text)
     ON CONFLICT (run_id, user_name, entitlement_key) DO NOTHING`,
    [scope.runId, scope.applicationId, JSON.stringify(rows)],
  );
}

/** Starts a listing over: what the run wrote of it goes. */
export async function clearListing(db: Queryable, runId: string, listing: 'accounts' | 'grants'): Promise<void> {
  const table = listing === 'accounts' ? SCRATCH_TABLES[0] : SCRATCH_TABLES[1];
  await db.query(`DELETE FROM ${table} WHERE run_id = $1`, [runId]);
}

/** Every scratch row of the application: the run's own at its end, a crashed run's before the next one. */
export async function clearScratch(db: Queryable, applicationId: string): Promise<void> {
  for (const table of SCRATCH_TABLES) await db.query(`DELETE FROM ${table} WHERE application_id = $1`, [applicationId]);
}

/**
 * Fresh statistics for the planner once a listing is in: without them it takes 100,000 scratch rows
 * for a handful and joins them by nested loops (minutes instead of seconds).
 */
export async function analyzeListed(db: Queryable): Promise<void> {
  await db.query(`ANALYZE ${SCRATCH_TABLES[0]}, ${SCRATCH_TABLES[1]}`);
}

export async function countListed(db: Queryable, runId: string): Promise<{ accounts: number; grants: number }> {
  const { rows } = await db.query<{ accounts: number; grants: number }>(
    `SELECT (SELECT count(*)::int FROM connector_reconciliation_scratch_accounts WHERE run_id = $1) AS accounts,
            (SELECT count(*)::int FROM connector_reconciliation_scratch_grants WHERE run_id = $1) AS grants`,
    [runId],
  );
  return rows[0]!;
}
