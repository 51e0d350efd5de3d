import { OPERATION_STREAM_PREFIX } from '@tenure/contracts';
import type { RecordedEvent } from '@tenure/event-sourcing';
import type { Projection } from '@tenure/event-store-postgres';
import type { PoolClient } from 'pg';
import { completingStep, type OperationEvent } from '../../domain/operation';
import { CREATE_CONNECTOR_OPERATIONS } from './operations.table';

/** Keeps `connector_operations` from the operation streams: the queue, the dead letters and the manual tasks. */
export const operationsProjection: Projection = {
  name: 'connector-operations',
  filter: { streamPrefixes: [OPERATION_STREAM_PREFIX] },
  async setup(client) {
    await client.query(CREATE_CONNECTOR_OPERATIONS);
  },
  async reset(client) {
    await client.query('TRUNCATE connector_operations');
  },
  apply: applyEvent,
};

async function applyEvent(recorded: RecordedEvent, client: PoolClient): Promise<void> {
  const event = { type: recorded.type, data: recorded.data } as OperationEvent;
  /** Sets the columns (`$3`, `$4`... in `assignments`) and the row's revision and time, from this event. */
  const update = (operationId: string, assignments: string, values: readonly unknown[] = []) =>
    client.query(
      `UPDATE connector_operations SET ${assignments ? `${assignments}, ` : ''}revision = $1, updated_at = $2 WHERE operation_id = $${values.length + 3}`,
      [recorded.revision.toString(), recorded.recordedAt, ...values, operationId],
    );
  switch (event.type) {
    case 'OperationRequested': {
      const { operationId, action, applicationId, identityId, assignmentId, entitlementKey, priority, cause, requestedAt, userName } =
        event.data;
      await client.query(
        `INSERT INTO connector_operations (operation_id, action, application_id, identity_id, assignment_id, entitlement_key, user_name,
           priority, cause_kind, cause_reference, status, requested_at, request_commit, request_prepare, revision, updated_at, subject)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'requested', $11, $12, $13, $14, $15, $16) ON CONFLICT (operation_id) DO NOTHING`,
        [
          operationId,
          action,
          applicationId,
          identityId,
          assignmentId,
          entitlementKey,
          userName ?? null,
          priority,
          cause.kind,
          cause.reference,
          requestedAt,
          recorded.position.commit.toString(),
          recorded.position.prepare.toString(),
          recorded.revision.toString(),
          recorded.recordedAt,
          identityId !== '' ? identityId : `account:${userName ?? ''}`,
        ],
      );
      return;
    }
    case 'AccountCreated':
    case 'AccountUpdated':
    case 'AccountDisabled':
    case 'AccountEnabled':
    case 'EntitlementGranted':
    case 'EntitlementRevoked': {
      const { operationId, action, userName, completedAt, via, completedBy, note } = event.data;
      if (event.type !== completingStep(action)) {
        await update(operationId, 'user_name = $3', [userName]);
        return;
      }
      await update(
        operationId,
        `status = 'succeeded', user_name = $3, completed_at = $4, completed_via = $5, completed_by = $6, note = $7, next_attempt_at = NULL`,
        [userName, completedAt, via, completedBy, note],
      );
      return;
    }
    case 'OperationAttemptFailed': {
      const { operationId, attempt, errorKind, message, retryAt, failedAt } = event.data;
      await update(
        operationId,
        `status = 'retrying', attempts = $3, next_attempt_at = $4, last_error_kind = $5, last_error = $6, last_error_at = $7`,
        [attempt, retryAt, errorKind, message, failedAt],
      );
      return;
    }
    case 'OperationFailed': {
      const { operationId, attempts, errorKind, message, failedAt } = event.data;
      await update(
        operationId,
        `status = 'dead', attempts = $3, next_attempt_at = NULL, last_error_kind = $4, last_error = $5, last_error_at = $6`,
        [attempts, errorKind, message, failedAt],
      );
      return;
    }
    case 'OperationRetryRequested':
      await update(event.data.operationId, `status = 'requested', attempts = 0, next_attempt_at = NULL`);
      return;
    case 'OperationDismissed': {
      const { operationId, by, reason } = event.data;
      await update(operationId, `status = 'dismissed', next_attempt_at = NULL, dismissed_by = $3, dismiss_reason = $4`, [by.id, reason]);
      return;
    }
    case 'ManualTaskOpened': {
      const { operationId, ownerEmployeeNumber, instructions, userName, dueAt, openedAt } = event.data;
      await update(
        operationId,
        `status = 'awaiting-person', user_name = $3, task_owner = $4, task_instructions = $5, task_due_at = $6, task_opened_at = $7,
         next_attempt_at = NULL`,
        [userName, ownerEmployeeNumber, instructions, dueAt, openedAt],
      );
      return;
    }
    default:
      return; // events of later versions are ignored by this one
  }
}
