/**
 * The connector service's provisioning outcomes as other contexts may rely on them. Each operation
 * the connector performs lives in its own `operation-<operationId>` stream; the workflow service
 * follows these to track an assignment to completion (the grant's clock starts at the
 * acknowledgement) and a leaver to the last disabled account.
 *
 * `operationId` is the idempotency key: it is derived from what caused the operation (the
 * assignment, or the termination), so the same cause never yields two operations.
 */

export const OPERATION_STREAM_PREFIX = 'operation-';

export function operationStreamId(operationId: string): string {
  return `${OPERATION_STREAM_PREFIX}${operationId}`;
}

export type OperationAction = 'create-account' | 'update-account' | 'disable-account' | 'enable-account' | 'grant' | 'revoke';

/** Leaver work goes ahead of routine work. */
export type OperationPriority = 'leaver' | 'routine';

export interface PublishedOperationRef {
  readonly operationId: string;
  readonly action: OperationAction;
  readonly applicationId: string;
  readonly identityId: string;
  /** The assignment that caused it; null for account work caused by a termination or a reconciliation. */
  readonly assignmentId: string | null;
  readonly entitlementKey: string | null;
}

interface Published<Type extends string, Data> {
  readonly type: Type;
  readonly data: Data;
}

/** The target acknowledged the change (through its connector, or a person completed the manual task). */
export type PublishedOperationSucceeded = Published<
  'AccountCreated' | 'AccountUpdated' | 'AccountDisabled' | 'AccountEnabled' | 'EntitlementGranted' | 'EntitlementRevoked',
  PublishedOperationRef & { readonly userName: string; readonly completedAt: string; readonly via: 'connector' | 'manual-task' }
>;

/** The operation gave up: retries exhausted or an error no retry can fix. It is a dead letter until an administrator retries or dismisses it. */
export type PublishedOperationFailed = Published<
  'OperationFailed',
  PublishedOperationRef & { readonly errorKind: string; readonly message: string; readonly attempts: number; readonly failedAt: string }
>;

export type PublishedOperationOutcome = PublishedOperationSucceeded | PublishedOperationFailed;

/** The steps that complete an operation: the target acknowledged it. */
export const PUBLISHED_OPERATION_SUCCEEDED_TYPES: readonly PublishedOperationSucceeded['type'][] = [
  'AccountCreated',
  'AccountUpdated',
  'AccountDisabled',
  'AccountEnabled',
  'EntitlementGranted',
  'EntitlementRevoked',
];

export const PUBLISHED_OPERATION_OUTCOME_TYPES: readonly PublishedOperationOutcome['type'][] = [
  ...PUBLISHED_OPERATION_SUCCEEDED_TYPES,
  'OperationFailed',
];

/**
 * An application without a connector: a person (the application's owner) must make the change by
 * hand and say so in Tenure. Published in the operation's stream; the instructions and user name
 * are personal (sealed) and not part of this contract: consumers tell the owner to open the task.
 */
export type PublishedManualTaskOpened = Published<
  'ManualTaskOpened',
  {
    readonly taskId: string;
    readonly operationId: string;
    readonly applicationId: string;
    readonly identityId: string;
    readonly ownerEmployeeNumber: string;
    readonly dueAt: string;
    readonly openedAt: string;
  }
>;
