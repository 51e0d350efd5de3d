import { DomainError, type Actor } from '@tenure/event-sourcing';
import type { PublishedOperationRef } from '@tenure/contracts';
import { assertNever } from '../assert-never';
import {
  completingStep,
  type OperationEvent,
  type OperationRequest,
  type OperationState,
  type OperationStepSucceeded,
  type OperationSuccessType,
} from './operation.events';
import { retryDelayMs, type RetryPolicy } from './retry-schedule';

export interface RequestOperation {
  readonly type: 'RequestOperation';
  readonly data: { readonly request: OperationRequest };
}

/** One change the target acknowledged during an attempt. */
export interface AcknowledgedStep {
  readonly type: OperationSuccessType;
  readonly userName: string;
  readonly accountExisted?: boolean;
}

export interface AttemptFailure {
  readonly kind: string;
  readonly message: string;
  readonly retryable: boolean;
  /** How long the target asked to wait (rate limited), when it said. */
  readonly retryAfterMs: number | null;
}

/**
 * What one attempt did: the steps the target acknowledged, in order, and the failure that stopped
 * it (null: every step was done, the completing one last). `jitter` is a draw in [0, 1) for the
 * backoff, injected like the time.
 */
export interface RecordAttempt {
  readonly type: 'RecordAttempt';
  readonly data: {
    readonly steps: readonly AcknowledgedStep[];
    readonly failure: AttemptFailure | null;
    readonly retryPolicy: RetryPolicy;
    readonly jitter: number;
    readonly now: Date;
    /** Whose account the steps changed (the key owner of its user name); null or absent for an orphan account. */
    readonly employeeNumber?: string | null;
  };
}

export interface OpenManualTask {
  readonly type: 'OpenManualTask';
  readonly data: {
    readonly ownerEmployeeNumber: string;
    readonly instructions: string;
    readonly userName: string;
    readonly completes: readonly OperationSuccessType[];
    readonly dueAt: Date;
    readonly now: Date;
    /** Whose account (the key owner of the instructions); null for an orphan account. */
    readonly employeeNumber?: string | null;
  };
}

export interface CompleteManualTask {
  readonly type: 'CompleteManualTask';
  readonly data: { readonly completedBy: Actor; readonly note: string | null; readonly now: Date };
}

export interface RetryOperation {
  readonly type: 'RetryOperation';
  readonly data: { readonly by: Actor; readonly now: Date };
}

export interface DismissOperation {
  readonly type: 'DismissOperation';
  readonly data: { readonly by: Actor; readonly reason: string; readonly now: Date };
}

export type OperationCommand = RequestOperation | RecordAttempt | OpenManualTask | CompleteManualTask | RetryOperation | DismissOperation;

type Requested = Exclude<OperationState, { status: 'none' }>;

export function decide(command: OperationCommand, state: OperationState): readonly OperationEvent[] {
  switch (command.type) {
    case 'RequestOperation':
      // The id is the idempotency key: the same request again records nothing.
      return state.status === 'none' ? [{ type: 'OperationRequested', data: command.data.request }] : [];
    case 'RecordAttempt':
      return recordAttempt(command.data, pending(state, 'record an attempt of'));
    case 'OpenManualTask': {
      const operation = pending(state, 'open a manual task for');
      const { ownerEmployeeNumber, instructions, userName, completes, dueAt, now } = command.data;
      const employeeNumber = command.data.employeeNumber ?? null;
      const { operationId, applicationId, identityId } = operation.request;
      return [
        {
          type: 'ManualTaskOpened',
          data: {
            taskId: operationId,
            operationId,
            applicationId,
            identityId,
            ownerEmployeeNumber,
            instructions,
            userName,
            completes,
            dueAt: dueAt.toISOString(),
            openedAt: now.toISOString(),
            employeeNumber,
          },
        },
      ];
    }
    case 'CompleteManualTask': {
      const operation = requested(state);
      if (operation.status !== 'awaiting-person') {
        throw new DomainError(
          'illegal_state',
          `operation "${operation.request.operationId}" has no open manual task: it is ${operation.status}`,
          {
            operationId: operation.request.operationId,
            status: operation.status,
          },
        );
      }
      const { completedBy, note, now } = command.data;
      const trimmed = note?.trim() || null;
      return operation.task.completes.map((type) =>
        stepEvent(operation, { type, userName: operation.task.userName }, now, {
          via: 'manual-task',
          completedBy: completedBy.id,
          note: trimmed,
          employeeNumber: operation.task.employeeNumber,
        }),
      );
    }
    case 'RetryOperation': {
      const operation = requested(state);
      if (operation.status !== 'dead') {
        throw new DomainError(
          'illegal_state',
          `only a dead letter can be retried; operation "${operation.request.operationId}" is ${operation.status}`,
          {
            operationId: operation.request.operationId,
            status: operation.status,
          },
        );
      }
      const { by, now } = command.data;
      return [
        {
          type: 'OperationRetryRequested',
          data: { operationId: operation.request.operationId, requestedBy: by, retriedAt: now.toISOString() },
        },
      ];
    }
    case 'DismissOperation': {
      const operation = requested(state);
      if (operation.status === 'succeeded' || operation.status === 'dismissed') {
        throw new DomainError(
          'illegal_state',
          `operation "${operation.request.operationId}" is ${operation.status}: there is nothing left to dismiss`,
          {
            operationId: operation.request.operationId,
            status: operation.status,
          },
        );
      }
      const { by, now } = command.data;
      const reason = command.data.reason.trim();
      if (reason === '') throw new DomainError('validation', 'dismissing an operation needs a reason', { field: 'reason' });
      return [
        { type: 'OperationDismissed', data: { operationId: operation.request.operationId, by, reason, dismissedAt: now.toISOString() } },
      ];
    }
    default:
      return assertNever(command);
  }
}

function recordAttempt(data: RecordAttempt['data'], operation: Extract<OperationState, { status: 'pending' }>): readonly OperationEvent[] {
  const { failure, now } = data;
  // A step recorded by an earlier attempt is not recorded again (the connector call is idempotent, the record is not).
  const steps = data.steps.filter((step) => !operation.succeeded.includes(step.type));
  const employeeNumber = data.employeeNumber ?? null;
  const stepEvents = steps.map((step) =>
    stepEvent(operation, step, now, { via: 'connector', completedBy: null, note: null, employeeNumber }),
  );
  const completing = completingStep(operation.request.action);
  if (failure === null) {
    if (steps.at(-1)?.type !== completing) {
      throw new DomainError(
        'illegal_state',
        `an attempt of operation "${operation.request.operationId}" without failure must end with ${completing}`,
        {
          operationId: operation.request.operationId,
        },
      );
    }
    return stepEvents;
  }
  const attempt = operation.attempts + 1;
  const { operationId } = operation.request;
  if (failure.retryable && attempt < data.retryPolicy.maxAttempts) {
    const delay = retryDelayMs(attempt, data.jitter, data.retryPolicy, failure.retryAfterMs);
    return [
      ...stepEvents,
      {
        type: 'OperationAttemptFailed',
        data: {
          operationId,
          attempt,
          errorKind: failure.kind,
          message: failure.message,
          retryAt: new Date(now.getTime() + delay).toISOString(),
          failedAt: now.toISOString(),
        },
      },
    ];
  }
  return [
    ...stepEvents,
    {
      type: 'OperationFailed',
      data: { ...ref(operation), errorKind: failure.kind, message: failure.message, attempts: attempt, failedAt: now.toISOString() },
    },
  ];
}

function stepEvent(
  operation: Requested,
  step: AcknowledgedStep,
  now: Date,
  how: {
    readonly via: 'connector' | 'manual-task';
    readonly completedBy: string | null;
    readonly note: string | null;
    readonly employeeNumber: string | null;
  },
): OperationStepSucceeded {
  return {
    type: step.type,
    data: {
      ...ref(operation),
      userName: step.userName,
      completedAt: now.toISOString(),
      ...how,
      accountExisted: step.accountExisted ?? true,
    },
  };
}

function ref(operation: Requested): PublishedOperationRef {
  const { operationId, action, applicationId, identityId, assignmentId, entitlementKey } = operation.request;
  return { operationId, action, applicationId, identityId, assignmentId, entitlementKey };
}

function requested(state: OperationState): Requested {
  if (state.status === 'none') throw new DomainError('not_found', 'no such operation');
  return state;
}

function pending(state: OperationState, what: string): Extract<OperationState, { status: 'pending' }> {
  const operation = requested(state);
  if (operation.status !== 'pending') {
    throw new DomainError('illegal_state', `cannot ${what} operation "${operation.request.operationId}": it is ${operation.status}`, {
      operationId: operation.request.operationId,
      status: operation.status,
    });
  }
  return operation;
}
