import {
  IDENTITY_STREAM_PREFIX,
  OPERATION_STREAM_PREFIX,
  PERSONAL_DATA_ERASED,
  PUBLISHED_OPERATION_SUCCEEDED_TYPES,
} from '@tenure/contracts';
import type { RecordedEvent } from '@tenure/event-sourcing';
import { sqlArrays, type Projection } from '@tenure/event-store-postgres';
import type { PoolClient } from 'pg';
import type { OperationStepSucceeded } from '../../domain/operation';
import {
  erasureOf,
  storedUserName,
  userNameAfterErasure,
  userNameAfterErasureSql,
  type ErasureData,
} from '../erasure/personal-data-erasure';
import { CREATE_CONNECTOR_ACCOUNTS, type AccountRow, type GrantRow } from './accounts.table';

const STEP_TYPES: readonly OperationStepSucceeded['type'][] = PUBLISHED_OPERATION_SUCCEEDED_TYPES;

/**
 * Keeps `connector_accounts` and `connector_grants` from the success events of the operations, and
 * renames an erased person's accounts `erased-<employee number>` (their user name came from the email).
 *
 * A batch is folded in memory per account (application and identity): the batch's accounts are read
 * once and changed event by event as one event at a time would. Only what changed is written: the
 * accounts the batch changed, and for grants the keys it granted or revoked (and the accounts whose
 * grants it cleared) - a batch's steps mostly add, so the stored grants are never read.
 */
export const accountsProjection: Projection = {
  name: 'connector-accounts',
  filter: { streamPrefixes: [OPERATION_STREAM_PREFIX, IDENTITY_STREAM_PREFIX], eventTypes: [...STEP_TYPES, PERSONAL_DATA_ERASED] },
  async setup(client) {
    await client.query(CREATE_CONNECTOR_ACCOUNTS);
  },
  async reset(client) {
    await client.query('TRUNCATE connector_accounts, connector_grants');
  },
  apply: (recorded, client) => applyEvents([recorded], client),
  applyBatch: applyEvents,
};

/** One account's state in memory: null when it has none (never had, or forgotten). */
interface AccountState {
  readonly applicationId: string;
  readonly identityId: string;
  account: AccountRow | null;
  /** Whether `account` differs from the stored row (or its absence). */
  accountChanged: boolean;
  /** Whether all the stored grants are gone (the target had no account); `grants` then holds all there are. */
  grantsCleared: boolean;
  /** The grants the batch set (a row) or revoked (null), by entitlement key, after any clearing. */
  readonly grants: Map<string, GrantRow | null>;
}

type StepData = OperationStepSucceeded['data'];

function isStep(type: string): type is OperationStepSucceeded['type'] {
  return (STEP_TYPES as readonly string[]).includes(type);
}

async function applyEvents(events: readonly RecordedEvent[], client: PoolClient): Promise<void> {
  const steps = events.filter((event) => isStep(event.type));
  const accounts = await loadAccounts(
    client,
    steps.map((event) => event.data as StepData),
  );
  const erasures: ErasureData[] = [];
  for (const recorded of events) {
    const erasure = erasureOf(recorded);
    if (erasure) {
      erasures.push(erasure);
      for (const state of accounts.values()) {
        if (state.identityId === erasure.identityId && state.account) {
          state.account.user_name = userNameAfterErasure(state.account.user_name, erasure.employeeNumber);
          state.accountChanged = true;
        }
      }
    } else if (isStep(recorded.type)) {
      const data = recorded.data as StepData;
      foldStep(accounts.get(accountKey(data.applicationId, data.identityId))!, recorded.type, data);
    }
  }
  for (const erasure of erasures) {
    await client.query(`UPDATE connector_accounts SET user_name = ${userNameAfterErasureSql('user_name', '$2')} WHERE identity_id = $1`, [
      erasure.identityId,
      erasure.employeeNumber,
    ]);
  }
  await saveAccounts(client, [...accounts.values()]);
}

function foldStep(state: AccountState, type: OperationStepSucceeded['type'], data: StepData): void {
  const userName = storedUserName(data.userName, data.employeeNumber);
  const account = (status: AccountRow['status']): AccountRow => ({
    application_id: data.applicationId,
    identity_id: data.identityId,
    user_name: userName,
    status,
    last_operation_id: data.operationId,
    updated_at: new Date(data.completedAt),
  });
  switch (type) {
    case 'AccountCreated':
    case 'AccountEnabled':
      return setAccount(state, account('enabled'));
    case 'AccountDisabled':
      if (data.accountExisted) return setAccount(state, account('disabled'));
      // The target says there is no account (removed outside Tenure, or a simulated target that
      // restarted empty): nothing is left to disable, and nothing to show as enabled either.
      setAccount(state, null);
      state.grantsCleared = true;
      state.grants.clear();
      return;
    case 'AccountUpdated':
      if (state.account) setAccount(state, account(state.account.status));
      return;
    case 'EntitlementGranted':
      if (data.entitlementKey === null) return;
      // A grant needs an account: one the target had before Tenure (or a person made for a manual task) is known from now on.
      if (!state.account) setAccount(state, account('enabled'));
      state.grants.set(data.entitlementKey, {
        application_id: data.applicationId,
        identity_id: data.identityId,
        entitlement_key: data.entitlementKey,
        assignment_id: data.assignmentId,
        granted_at: new Date(data.completedAt),
      });
      return;
    case 'EntitlementRevoked':
      if (data.entitlementKey !== null) state.grants.set(data.entitlementKey, null);
      return;
  }
}

function setAccount(state: AccountState, account: AccountRow | null): void {
  state.account = account;
  state.accountChanged = true;
}

/** Unambiguous without JSON (the length ends the application id), and cheap: it is made twice per step. */
function accountKey(applicationId: string, identityId: string): string {
  return `${applicationId.length}:${applicationId}${identityId}`;
}

/** The accounts the steps touch, as stored now (their grants are not read: see saveAccounts). */
async function loadAccounts(client: PoolClient, steps: readonly StepData[]): Promise<Map<string, AccountState>> {
  const accounts = new Map<string, AccountState>();
  for (const { applicationId, identityId } of steps) {
    const key = accountKey(applicationId, identityId);
    if (!accounts.has(key))
      accounts.set(key, { applicationId, identityId, account: null, accountChanged: false, grantsCleared: false, grants: new Map() });
  }
  if (accounts.size === 0) return accounts;
  const states = [...accounts.values()];
  const stored = await client.query<AccountRow>(
    `SELECT * FROM connector_accounts WHERE (application_id, identity_id) IN (SELECT * FROM unnest($1::text[], $2::text[]))`,
    sqlArrays([states.map((state) => state.applicationId), states.map((state) => state.identityId)]),
  );
  for (const row of stored.rows) accounts.get(accountKey(row.application_id, row.identity_id))!.account = row;
  return accounts;
}

/**
 * Writes what the batch changed, as replacing the touched accounts and all their grants with their
 * state after the batch would: the accounts changed (or gone), the grants of the accounts cleared
 * deleted, then each grant key revoked deleted and each granted written.
 */
async function saveAccounts(client: PoolClient, accounts: readonly AccountState[]): Promise<void> {
  const changed = accounts.filter((state) => state.accountChanged);
  const gone = changed.filter((state) => state.account === null);
  // One client runs one query at a time.
  if (gone.length > 0) await deleteAccounts(client, 'connector_accounts', gone);
  const rows = changed.flatMap((state) => (state.account ? [state.account] : []));
  if (rows.length > 0) await upsertAccounts(client, rows);
  const cleared = accounts.filter((state) => state.grantsCleared);
  if (cleared.length > 0) await deleteAccounts(client, 'connector_grants', cleared);
  const revoked: GrantKey[] = [];
  const granted: GrantRow[] = [];
  for (const state of accounts) {
    for (const [entitlementKey, grant] of state.grants) {
      if (grant) granted.push(grant);
      // A key revoked after a clearing has nothing stored left to delete.
      else if (!state.grantsCleared) revoked.push({ applicationId: state.applicationId, identityId: state.identityId, entitlementKey });
    }
  }
  if (revoked.length > 0) await deleteGrants(client, revoked);
  if (granted.length > 0) await upsertGrants(client, granted);
}

interface GrantKey {
  readonly applicationId: string;
  readonly identityId: string;
  readonly entitlementKey: string;
}

async function deleteAccounts(client: PoolClient, table: string, accounts: readonly AccountState[]): Promise<void> {
  await client.query(
    `DELETE FROM ${table} WHERE (application_id, identity_id) IN (SELECT * FROM unnest($1::text[], $2::text[]))`,
    sqlArrays([accounts.map((state) => state.applicationId), accounts.map((state) => state.identityId)]),
  );
}

async function upsertAccounts(client: PoolClient, rows: readonly AccountRow[]): Promise<void> {
  await client.query(
    `INSERT INTO connector_accounts (application_id, identity_id, user_name, status, last_operation_id, updated_at)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[])
     ON CONFLICT (application_id, identity_id) DO UPDATE SET user_name = EXCLUDED.user_name, status = EXCLUDED.status,
       last_operation_id = EXCLUDED.last_operation_id, updated_at = EXCLUDED.updated_at`,
    sqlArrays([
      rows.map((row) => row.application_id),
      rows.map((row) => row.identity_id),
      rows.map((row) => row.user_name),
      rows.map((row) => row.status),
      rows.map((row) => row.last_operation_id),
      rows.map((row) => row.updated_at),
    ]),
  );
}

async function deleteGrants(client: PoolClient, keys: readonly GrantKey[]): Promise<void> {
  await client.query(
    `DELETE FROM connector_grants WHERE (application_id, identity_id, entitlement_key) IN (SELECT * FROM unnest($1::text[], $2::text[], $3::text[]))`,
    sqlArrays([keys.map((key) => key.applicationId), keys.map((key) => key.identityId), keys.map((key) => key.entitlementKey)]),
  );
}

async function upsertGrants(client: PoolClient, grants: readonly GrantRow[]): Promise<void> {
  await client.query(
    `INSERT INTO connector_grants (application_id, identity_id, entitlement_key, assignment_id, granted_at)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[])
     ON CONFLICT (application_id, identity_id, entitlement_key) DO UPDATE SET assignment_id = EXCLUDED.assignment_id,
       granted_at = EXCLUDED.granted_at`,
    sqlArrays([
      grants.map((row) => row.application_id),
      grants.map((row) => row.identity_id),
      grants.map((row) => row.entitlement_key),
      grants.map((row) => row.assignment_id),
      grants.map((row) => row.granted_at),
    ]),
  );
}
