import type { ApplicationHealth as Health } from '../../provisioning/provisioning-queries';
import type { AccountRow, GrantRow } from '../../read-model/accounts/accounts.table';
import type { OperationPage } from '../../read-model/operations/operations.queries';
import type { OperationRow } from '../../read-model/operations/operations.table';
import { PageInfo } from '../shared/page-info.type';
import { Account, Grant } from './account.type';
import { ApplicationHealth } from './application-health.type';
import { identityReference } from './identity.type';
import { ManualTask, ManualTaskConnection, ManualTaskEdge } from './manual-task.type';
import { Operation, OperationCause, OperationConnection, OperationEdge, OperationError } from './operation.type';
import type {
  AccountStatusName,
  CircuitStateName,
  ManualTaskStatusName,
  OperationActionName,
  OperationCauseKindName,
  OperationPriorityName,
  OperationStatusName,
} from './provisioning-enums';

export function toOperation(row: OperationRow): Operation {
  return Object.assign(new Operation(), {
    id: row.operation_id,
    action: row.action as OperationActionName,
    applicationId: row.application_id,
    identityId: row.identity_id,
    identity: row.identity_id === '' ? null : identityReference(row.identity_id),
    assignmentId: row.assignment_id,
    entitlementKey: row.entitlement_key,
    userName: row.user_name,
    priority: row.priority as OperationPriorityName,
    cause: Object.assign(new OperationCause(), { kind: row.cause_kind as OperationCauseKindName, reference: row.cause_reference }),
    status: row.status as OperationStatusName,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    lastError: row.last_error_at ? toError(row.last_error_kind ?? 'internal', row.last_error ?? '', row.last_error_at) : null,
    requestedAt: row.requested_at,
    completedAt: row.completed_at,
    completedVia: row.completed_via,
    completedBy: row.completed_by,
    note: row.note,
    dismissedBy: row.dismissed_by,
    dismissReason: row.dismiss_reason,
    updatedAt: row.updated_at,
  });
}

export function toOperationConnection(page: OperationPage): OperationConnection {
  return Object.assign(new OperationConnection(), {
    edges: page.operations.map(({ cursor, operation }) => Object.assign(new OperationEdge(), { cursor, node: toOperation(operation) })),
    pageInfo: pageInfo(page),
  });
}

/** A task as its operation's row holds it; overdue is judged at `now` (the injected clock). */
export function toManualTask(row: OperationRow, now: Date): ManualTask {
  const status: ManualTaskStatusName = (
    row.status === 'awaiting-person' ? 'open' : row.status === 'succeeded' ? 'completed' : 'dismissed'
  ) as ManualTaskStatusName;
  const dueAt = row.task_due_at ?? row.requested_at;
  return Object.assign(new ManualTask(), {
    id: row.operation_id,
    operationId: row.operation_id,
    applicationId: row.application_id,
    identityId: row.identity_id,
    identity: row.identity_id === '' ? null : identityReference(row.identity_id),
    action: row.action as OperationActionName,
    entitlementKey: row.entitlement_key,
    userName: row.user_name,
    priority: row.priority as OperationPriorityName,
    ownerEmployeeNumber: row.task_owner ?? '',
    instructions: row.task_instructions ?? '',
    openedAt: row.task_opened_at ?? row.requested_at,
    dueAt,
    overdue: status === 'open' && dueAt < now,
    status,
    completedAt: row.completed_at,
    completedBy: row.completed_by,
    note: row.note,
  });
}

export function toManualTaskConnection(page: OperationPage, now: Date): ManualTaskConnection {
  return Object.assign(new ManualTaskConnection(), {
    edges: page.operations.map(({ cursor, operation }) =>
      Object.assign(new ManualTaskEdge(), { cursor, node: toManualTask(operation, now) }),
    ),
    pageInfo: pageInfo(page),
  });
}

export function toAccount(row: AccountRow): Account {
  return Object.assign(new Account(), {
    applicationId: row.application_id,
    userName: row.user_name,
    status: row.status as AccountStatusName,
    lastOperationId: row.last_operation_id,
    updatedAt: row.updated_at,
  });
}

export function toGrant(row: GrantRow): Grant {
  return Object.assign(new Grant(), {
    applicationId: row.application_id,
    entitlementKey: row.entitlement_key,
    assignmentId: row.assignment_id,
    grantedAt: row.granted_at,
  });
}

export function toApplicationHealth(health: Health): ApplicationHealth {
  const { circuit } = health;
  return Object.assign(new ApplicationHealth(), {
    applicationId: health.applicationId,
    circuit: circuit.state as CircuitStateName,
    consecutiveFailures: circuit.consecutiveFailures,
    circuitOpenedAt: circuit.openedAt,
    circuitRetryAt: circuit.retryAt,
    lastError: health.lastError ? toError(health.lastError.kind, health.lastError.message, health.lastError.at) : null,
    lastSuccessAt: health.lastSuccessAt,
    waiting: health.waiting,
    deadLetters: health.deadLetters,
    openTasks: health.openTasks,
  });
}

function toError(kind: string, message: string, at: Date): OperationError {
  return Object.assign(new OperationError(), { kind, message, at });
}

function pageInfo(page: OperationPage): PageInfo {
  return Object.assign(new PageInfo(), { hasNextPage: page.hasNextPage, endCursor: page.operations.at(-1)?.cursor ?? null });
}
