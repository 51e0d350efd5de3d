import { OPERATION_STREAM_PREFIX } from '@tenure/contracts';
import type { RecordedEvent } from '@tenure/event-sourcing';
import type { Projection } from '@tenure/event-store-postgres';
import type { PoolClient } from 'pg';
import type { OperationEvent, OperationStepSucceeded } from '../../domain/operation';
import { CREATE_CONNECTOR_ACCOUNTS } from './accounts.table';

/** Keeps `connector_accounts` and `connector_grants` from the success events of the operations. */
export const accountsProjection: Projection = {
  name: 'connector-accounts',
  filter: {
    streamPrefixes: [OPERATION_STREAM_PREFIX],
    eventTypes: [
      'AccountCreated',
      'AccountUpdated',
      'AccountDisabled',
      'AccountEnabled',
      'EntitlementGranted',
      'EntitlementRevoked',
    ] satisfies OperationStepSucceeded['type'][],
  },
  async setup(client) {
    await client.query(CREATE_CONNECTOR_ACCOUNTS);
  },
  async reset(client) {
    await client.query('TRUNCATE connector_accounts, connector_grants');
  },
  apply: applyEvent,
};

async function applyEvent(recorded: RecordedEvent, client: PoolClient): Promise<void> {
  const event = { type: recorded.type, data: recorded.data } as OperationEvent;
  switch (event.type) {
    case 'AccountCreated':
    case 'AccountEnabled':
      await saveAccount(client, event.data, 'enabled');
      return;
    case 'AccountDisabled':
      if (event.data.accountExisted) await saveAccount(client, event.data, 'disabled');
      // The target says there is no account (removed outside Tenure, or a simulated target that
      // restarted empty): nothing is left to disable, and nothing to show as enabled either.
      else await forgetAccount(client, event.data.applicationId, event.data.identityId);
      return;
    case 'AccountUpdated': {
      const { applicationId, identityId, userName, operationId, completedAt } = event.data;
      await client.query(
        `UPDATE connector_accounts SET user_name = $3, last_operation_id = $4, updated_at = $5 WHERE application_id = $1 AND identity_id = $2`,
        [applicationId, identityId, userName, operationId, completedAt],
      );
      return;
    }
    case 'EntitlementGranted': {
      const { applicationId, identityId, entitlementKey, assignmentId, userName, operationId, completedAt } = event.data;
      if (entitlementKey === null) return;
      // A grant needs an account: one the target had before Tenure (or a person made for a manual task) is known from now on.
      await client.query(
        `INSERT INTO connector_accounts (application_id, identity_id, user_name, status, last_operation_id, updated_at)
         VALUES ($1, $2, $3, 'enabled', $4, $5) ON CONFLICT (application_id, identity_id) DO NOTHING`,
        [applicationId, identityId, userName, operationId, completedAt],
      );
      await client.query(
        `INSERT INTO connector_grants (application_id, identity_id, entitlement_key, assignment_id, granted_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (application_id, identity_id, entitlement_key) DO UPDATE SET assignment_id = EXCLUDED.assignment_id,
           granted_at = EXCLUDED.granted_at`,
        [applicationId, identityId, entitlementKey, assignmentId, completedAt],
      );
      return;
    }
    case 'EntitlementRevoked': {
      const { applicationId, identityId, entitlementKey } = event.data;
      await client.query('DELETE FROM connector_grants WHERE application_id = $1 AND identity_id = $2 AND entitlement_key = $3', [
        applicationId,
        identityId,
        entitlementKey,
      ]);
      return;
    }
    default:
      return; // other operation events change no account
  }
}

async function saveAccount(client: PoolClient, data: OperationStepSucceeded['data'], status: 'enabled' | 'disabled'): Promise<void> {
  const { applicationId, identityId, userName, operationId, completedAt } = data;
  await client.query(
    `INSERT INTO connector_accounts (application_id, identity_id, user_name, status, last_operation_id, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (application_id, identity_id) DO UPDATE SET user_name = EXCLUDED.user_name, status = EXCLUDED.status,
       last_operation_id = EXCLUDED.last_operation_id, updated_at = EXCLUDED.updated_at`,
    [applicationId, identityId, userName, status, operationId, completedAt],
  );
}

async function forgetAccount(client: PoolClient, applicationId: string, identityId: string): Promise<void> {
  await client.query('DELETE FROM connector_grants WHERE application_id = $1 AND identity_id = $2', [applicationId, identityId]);
  await client.query('DELETE FROM connector_accounts WHERE application_id = $1 AND identity_id = $2', [applicationId, identityId]);
}
