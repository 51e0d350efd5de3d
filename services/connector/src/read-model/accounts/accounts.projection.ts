import {
  IDENTITY_STREAM_PREFIX,
  OPERATION_STREAM_PREFIX,
  PERSONAL_DATA_ERASED,
  PUBLISHED_OPERATION_SUCCEEDED_TYPES,
} from '@tenure/contracts';
import type { RecordedEvent } from '@tenure/event-sourcing';
import type { Projection } from '@tenure/event-store-postgres';
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
 * A batch is folded in memory per account (application and identity): the batch's accounts and
 * their grants are read once, changed event by event as one event at a time would, then replaced
 * in four statements.
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
  readonly grants: Map<string, GrantRow>;
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
      state.account = account('enabled');
      return;
    case 'AccountDisabled':
      if (data.accountExisted) {
        state.account = account('disabled');
      } else {
        // The target says there is no account (removed outside Tenure, or a simulated target that
        // restarted empty): nothing is left to disable, and nothing to show as enabled either.
        state.account = null;
        state.grants.clear();
      }
      return;
    case 'AccountUpdated':
      if (state.account) Object.assign(state.account, account(state.account.status));
      return;
    case 'EntitlementGranted':
      if (data.entitlementKey === null) return;
      // A grant needs an account: one the target had before Tenure (or a person made for a manual task) is known from now on.
      state.account ??= account('enabled');
      state.grants.set(data.entitlementKey, {
        application_id: data.applicationId,
        identity_id: data.identityId,
        entitlement_key: data.entitlementKey,
        assignment_id: data.assignmentId,
        granted_at: new Date(data.completedAt),
      });
      return;
    case 'EntitlementRevoked':
      if (data.entitlementKey !== null) state.grants.delete(data.entitlementKey);
      return;
  }
}

function accountKey(applicationId: string, identityId: string): string {
  return JSON.stringify([applicationId, identityId]);
}

/** The accounts the steps touch, with all their grants, as stored now. */
async function loadAccounts(client: PoolClient, steps: readonly StepData[]): Promise<Map<string, AccountState>> {
  const accounts = new Map<string, AccountState>();
  for (const { applicationId, identityId } of steps) {
    const key = accountKey(applicationId, identityId);
    if (!accounts.has(key)) accounts.set(key, { applicationId, identityId, account: null, grants: new Map() });
  }
  if (accounts.size === 0) return accounts;
  const pairs = [[...accounts.values()].map((state) => state.applicationId), [...accounts.values()].map((state) => state.identityId)];
  const touched = `(application_id, identity_id) IN (SELECT * FROM unnest($1::text[], $2::text[]))`;
  // One client runs one query at a time.
  const stored = await client.query<AccountRow>(`SELECT * FROM connector_accounts WHERE ${touched}`, pairs);
  const grants = await client.query<GrantRow>(`SELECT * FROM connector_grants WHERE ${touched}`, pairs);
  for (const row of stored.rows) accounts.get(accountKey(row.application_id, row.identity_id))!.account = row;
  for (const row of grants.rows) accounts.get(accountKey(row.application_id, row.identity_id))!.grants.set(row.entitlement_key, row);
  return accounts;
}

/** Replaces the touched accounts and their grants with their state after the batch. */
async function saveAccounts(client: PoolClient, accounts: readonly AccountState[]): Promise<void> {
  if (accounts.length === 0) return;
  const pairs = [accounts.map((state) => state.applicationId), accounts.map((state) => state.identityId)];
  const touched = `(application_id, identity_id) IN (SELECT * FROM unnest($1::text[], $2::text[]))`;
  await client.query(`DELETE FROM connector_grants WHERE ${touched}`, pairs);
  await client.query(`DELETE FROM connector_accounts WHERE ${touched}`, pairs);
  const rows = accounts.flatMap((state) => (state.account ? [state.account] : []));
  if (rows.length > 0) {
    await client.query(
      `INSERT INTO connector_accounts (application_id, identity_id, user_name, status, last_operation_id, updated_at)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[])`,
      [
        rows.map((row) => row.application_id),
        rows.map((row) => row.identity_id),
        rows.map((row) => row.user_name),
        rows.map((row) => row.status),
        rows.map((row) => row.last_operation_id),
        rows.map((row) => row.updated_at),
      ],
    );
  }
  const grants = accounts.flatMap((state) => [...state.grants.values()]);
  if (grants.length > 0) {
    await client.query(
      `INSERT INTO connector_grants (application_id, identity_id, entitlement_key, assignment_id, granted_at)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[])`,
      [
        grants.map((row) => row.application_id),
        grants.map((row) => row.identity_id),
        grants.map((row) => row.entitlement_key),
        grants.map((row) => row.assignment_id),
        grants.map((row) => row.granted_at),
      ],
    );
  }
}
