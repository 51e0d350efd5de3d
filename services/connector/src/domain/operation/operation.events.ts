import type { Actor, DomainEvent } from '@tenure/event-sourcing';
import type { OperationAction, OperationPriority, PublishedOperationRef, PublishedOperationSucceeded } from '@tenure/contracts';
import { assertNever } from '../assert-never';

// One operation per stream, `operation-<operationId>`: one change Tenure asks of one target (grant,
// revoke, disable...), from the request to its outcome. The operation id is the idempotency key,
// derived from the cause (see operation-ids.ts), so the same cause never yields two operations.

export type { OperationAction, OperationPriority };

/** What caused the operation: followed by auditors, and the source of its id. */
export interface OperationCause {
  readonly kind: 'assignment' | 'termination' | 'drift' | 'administrator';
  /** The assignment id, the termination event id, the drift id... */
  readonly reference: string;
}

/** The request as every producer (the planner, reconciliation) appends it, first in the stream. */
export interface OperationRequest {
  readonly operationId: string;
  readonly action: OperationAction;
  readonly applicationId: string;
  readonly identityId: string;
  readonly assignmentId: string | null;
  readonly entitlementKey: string | null;
  readonly priority: OperationPriority;
  readonly cause: OperationCause;
  readonly requestedAt: string;
  /**
   * The account's name in the target, for an account no identity matches (an orphan found by
   * reconciliation), or the account a drift remediation names. Absent: the identity's user name
   * (connector_identities) is used.
   */
  readonly userName?: string;
  /**
   * Whose account, when the producer knows it (a drift remediation of a person, a leaver's disable):
   * the request's `userName` is sealed under this person's key (docs/personal-data.md). Null for an
   * account no identity matches; absent from assignment requests (they name no account) and from
   * requests recorded before it existed (their user name stays clear).
   */
  readonly employeeNumber?: string | null;
}

export type OperationRequested = DomainEvent<'OperationRequested', OperationRequest>;

/** The kinds of success, as the published contract names them. */
export type OperationSuccessType = PublishedOperationSucceeded['type'];

export const OPERATION_SUCCESS_TYPES: readonly OperationSuccessType[] = [
  'AccountCreated',
  'AccountUpdated',
  'AccountDisabled',
  'AccountEnabled',
  'EntitlementGranted',
  'EntitlementRevoked',
];

/**
 * One change the target acknowledged. The step that completes the operation (see completingStep) comes
 * last: a grant may record AccountCreated (or AccountEnabled) before EntitlementGranted, a revoke of the
 * last assignment records AccountDisabled before EntitlementRevoked.
 */
export type OperationStepSucceeded = DomainEvent<
  OperationSuccessType,
  PublishedOperationRef & {
    readonly userName: string;
    readonly completedAt: string;
    readonly via: 'connector' | 'manual-task';
    /** The person who did it, for a manual task; null when a connector did. */
    readonly completedBy: string | null;
    /** What the person wrote when completing the task. */
    readonly note: string | null;
    /** False when a disable found no account at all: nothing could sign in, so the leaver's step is done. */
    readonly accountExisted: boolean;
    /**
     * Whose account: its user name (and note) are sealed under this person's key (docs/personal-data.md).
     * Null for an account no identity matches; absent from events recorded before it existed.
     */
    readonly employeeNumber?: string | null;
  }
>;

/** A retryable failure: the operation runs again at `retryAt`. */
export type OperationAttemptFailed = DomainEvent<
  'OperationAttemptFailed',
  {
    readonly operationId: string;
    readonly attempt: number;
    readonly errorKind: string;
    readonly message: string;
    readonly retryAt: string;
    readonly failedAt: string;
  }
>;

/** Retries exhausted or an error no retry fixes: a dead letter until an administrator retries or dismisses it. */
export type OperationFailed = DomainEvent<
  'OperationFailed',
  PublishedOperationRef & { readonly errorKind: string; readonly message: string; readonly attempts: number; readonly failedAt: string }
>;

/** An administrator asked for another round of attempts: the count starts again. */
export type OperationRetryRequested = DomainEvent<
  'OperationRetryRequested',
  { readonly operationId: string; readonly requestedBy: Actor; readonly retriedAt: string }
>;

/** Given up on purpose, with who and why (an administrator, or provisioning itself when the work no longer applies). */
export type OperationDismissed = DomainEvent<
  'OperationDismissed',
  { readonly operationId: string; readonly by: Actor; readonly reason: string; readonly dismissedAt: string }
>;

/** The application has no connector: a person (the application owner) does the work and says so. */
export type ManualTaskOpened = DomainEvent<
  'ManualTaskOpened',
  {
    readonly taskId: string;
    readonly operationId: string;
    readonly applicationId: string;
    readonly identityId: string;
    readonly ownerEmployeeNumber: string;
    /** Human text, e.g. "Disable the account of Jane Doe (10042) in Payroll". */
    readonly instructions: string;
    readonly userName: string;
    /** What completing the task records, in order. */
    readonly completes: readonly OperationSuccessType[];
    readonly dueAt: string;
    readonly openedAt: string;
    /** Whose account: the instructions and user name are sealed under this person's key (null: nobody's, absent: older events). */
    readonly employeeNumber?: string | null;
  }
>;

export type OperationEvent =
  | OperationRequested
  | OperationStepSucceeded
  | OperationAttemptFailed
  | OperationFailed
  | OperationRetryRequested
  | OperationDismissed
  | ManualTaskOpened;

export interface OperationError {
  readonly kind: string;
  readonly message: string;
  readonly at: string;
}

export interface OpenTask {
  readonly taskId: string;
  readonly userName: string;
  readonly employeeNumber: string | null;
  readonly completes: readonly OperationSuccessType[];
  readonly dueAt: string;
}

interface Requested {
  readonly request: OperationRequest;
  /** Failed attempts since the request or the last administrator retry. */
  readonly attempts: number;
  /** Steps the target acknowledged so far (a retry does not record them twice). */
  readonly succeeded: readonly OperationSuccessType[];
  readonly lastError: OperationError | null;
}

export type OperationState =
  | { readonly status: 'none' }
  | (Requested & { readonly status: 'pending'; readonly nextAttemptAt: string | null })
  | (Requested & { readonly status: 'awaiting-person'; readonly task: OpenTask })
  | (Requested & { readonly status: 'succeeded'; readonly completedAt: string })
  | (Requested & { readonly status: 'dead'; readonly failedAt: string })
  | (Requested & { readonly status: 'dismissed'; readonly dismissedAt: string; readonly reason: string });

export function initialState(): OperationState {
  return { status: 'none' };
}

export function evolve(state: OperationState, event: OperationEvent): OperationState {
  switch (event.type) {
    case 'OperationRequested':
      return { status: 'pending', request: event.data, attempts: 0, succeeded: [], lastError: null, nextAttemptAt: null };
    case 'AccountCreated':
    case 'AccountUpdated':
    case 'AccountDisabled':
    case 'AccountEnabled':
    case 'EntitlementGranted':
    case 'EntitlementRevoked': {
      if (state.status === 'none') return state;
      const succeeded = [...state.succeeded, event.type];
      const done = succeeded.includes(completingStep(state.request.action));
      const { request, attempts, lastError } = state;
      return done
        ? { status: 'succeeded', request, attempts, lastError, succeeded, completedAt: event.data.completedAt }
        : {
            status: 'pending',
            request,
            attempts,
            lastError,
            succeeded,
            nextAttemptAt: state.status === 'pending' ? state.nextAttemptAt : null,
          };
    }
    case 'OperationAttemptFailed': {
      if (state.status === 'none') return state;
      const { attempt, errorKind, message, retryAt, failedAt } = event.data;
      const { request, succeeded } = state;
      return {
        status: 'pending',
        request,
        succeeded,
        attempts: attempt,
        lastError: { kind: errorKind, message, at: failedAt },
        nextAttemptAt: retryAt,
      };
    }
    case 'OperationFailed': {
      if (state.status === 'none') return state;
      const { errorKind, message, attempts, failedAt } = event.data;
      const { request, succeeded } = state;
      return { status: 'dead', request, succeeded, attempts, lastError: { kind: errorKind, message, at: failedAt }, failedAt };
    }
    case 'OperationRetryRequested': {
      if (state.status === 'none') return state;
      const { request, succeeded, lastError } = state;
      return { status: 'pending', request, succeeded, lastError, attempts: 0, nextAttemptAt: null };
    }
    case 'OperationDismissed': {
      if (state.status === 'none') return state;
      const { request, succeeded, attempts, lastError } = state;
      return {
        status: 'dismissed',
        request,
        succeeded,
        attempts,
        lastError,
        dismissedAt: event.data.dismissedAt,
        reason: event.data.reason,
      };
    }
    case 'ManualTaskOpened': {
      if (state.status === 'none') return state;
      const { taskId, userName, completes, dueAt } = event.data;
      const employeeNumber = event.data.employeeNumber ?? null;
      const { request, succeeded, attempts, lastError } = state;
      return {
        status: 'awaiting-person',
        request,
        succeeded,
        attempts,
        lastError,
        task: { taskId, userName, employeeNumber, completes, dueAt },
      };
    }
    default:
      return assertNever(event);
  }
}

/** The step whose acknowledgement completes an operation of this action. */
export function completingStep(action: OperationAction): OperationSuccessType {
  switch (action) {
    case 'create-account':
      return 'AccountCreated';
    case 'update-account':
      return 'AccountUpdated';
    case 'disable-account':
      return 'AccountDisabled';
    case 'enable-account':
      return 'AccountEnabled';
    case 'grant':
      return 'EntitlementGranted';
    case 'revoke':
      return 'EntitlementRevoked';
    default:
      return assertNever(action);
  }
}
