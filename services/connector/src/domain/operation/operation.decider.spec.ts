import type { Actor } from '@tenure/event-sourcing';
import { deciderSpec } from '@tenure/testing';
import type { AttemptFailure, OperationCommand, RecordAttempt } from './operation.commands';
import { operationDecider } from './operation.decider';
import type { OperationEvent, OperationRequest } from './operation.events';
import { DEFAULT_RETRY_POLICY } from './retry-schedule';

const now = new Date('2026-05-10T08:00:00.000Z');
const at = now.toISOString();
const spec = deciderSpec(operationDecider);
const illegal = (status: string) => ({ code: 'illegal_state', details: { operationId: 'grant.a-1', status } });
const admin: Actor = { kind: 'person', id: 'admin-token' };

const request: OperationRequest = {
  operationId: 'grant.a-1',
  action: 'grant',
  applicationId: 'crm',
  identityId: 'id-10042',
  assignmentId: 'a-1',
  entitlementKey: 'sales',
  priority: 'routine',
  cause: { kind: 'assignment', reference: 'a-1' },
  requestedAt: at,
};
const ref = {
  operationId: 'grant.a-1',
  action: 'grant',
  applicationId: 'crm',
  identityId: 'id-10042',
  assignmentId: 'a-1',
  entitlementKey: 'sales',
} as const;
const requested: OperationEvent = { type: 'OperationRequested', data: request };
const byConnector = {
  userName: 'jane.doe',
  completedAt: at,
  via: 'connector',
  completedBy: null,
  note: null,
  accountExisted: true,
  // Whose account: the event store seals the user name under this person's key.
  employeeNumber: '10042',
} as const;
const accountCreated: OperationEvent = { type: 'AccountCreated', data: { ...ref, ...byConnector } };
const granted: OperationEvent = { type: 'EntitlementGranted', data: { ...ref, ...byConnector } };
const unavailable: AttemptFailure = { kind: 'unavailable', message: '503', retryable: true, retryAfterMs: null };

const attempt = (steps: RecordAttempt['data']['steps'], failure: AttemptFailure | null, jitter = 0.5): OperationCommand => ({
  type: 'RecordAttempt',
  data: { steps, failure, retryPolicy: DEFAULT_RETRY_POLICY, jitter, now, employeeNumber: '10042' },
});
const failedAttempt = (n: number): OperationEvent => ({
  type: 'OperationAttemptFailed',
  data: { operationId: 'grant.a-1', attempt: n, errorKind: 'unavailable', message: '503', retryAt: at, failedAt: at },
});
const deadLetter: OperationEvent = {
  type: 'OperationFailed',
  data: { ...ref, errorKind: 'auth', message: 'bad password', attempts: 1, failedAt: at },
};
const taskOpened: OperationEvent = {
  type: 'ManualTaskOpened',
  data: {
    taskId: 'grant.a-1',
    operationId: 'grant.a-1',
    applicationId: 'crm',
    identityId: 'id-10042',
    ownerEmployeeNumber: '10005',
    instructions: 'Grant sales to Jane Doe (10042) in CRM',
    userName: 'jane.doe',
    completes: ['EntitlementGranted'],
    dueAt: '2026-05-13T08:00:00.000Z',
    openedAt: at,
    employeeNumber: '10042',
  },
};

describe('an operation', () => {
  it('given nothing, when requested, then it is requested; when requested again, then nothing is recorded', () => {
    spec.given([]).when({ type: 'RequestOperation', data: { request } }).then([requested]);
    spec.given([requested]).when({ type: 'RequestOperation', data: { request } }).then([]);
  });

  it('given a requested grant, when the target created the account and granted, then both are recorded, the grant last', () => {
    spec
      .given([requested])
      .when(
        attempt(
          [
            { type: 'AccountCreated', userName: 'jane.doe' },
            { type: 'EntitlementGranted', userName: 'jane.doe' },
          ],
          null,
        ),
      )
      .then([accountCreated, granted]);
  });

  it('given a requested grant, when an attempt succeeds without reaching the grant, then it is an illegal state', () => {
    spec
      .given([requested])
      .when(attempt([{ type: 'AccountCreated', userName: 'jane.doe' }], null))
      .thenThrows({ code: 'illegal_state' });
  });

  it('given a requested grant, when the account was created but the grant failed retryably, then the creation and a retry time are recorded', () => {
    spec
      .given([requested])
      .when(attempt([{ type: 'AccountCreated', userName: 'jane.doe' }], unavailable, 0.5))
      .then([
        accountCreated,
        {
          type: 'OperationAttemptFailed',
          data: {
            operationId: 'grant.a-1',
            attempt: 1,
            errorKind: 'unavailable',
            message: '503',
            retryAt: '2026-05-10T08:00:00.500Z',
            failedAt: at,
          },
        },
      ]);
  });

  it('given the account was created by an earlier attempt, when the next attempt reports it again, then it is not recorded twice', () => {
    spec
      .given([requested, accountCreated, failedAttempt(1)])
      .when(
        attempt(
          [
            { type: 'AccountCreated', userName: 'jane.doe' },
            { type: 'EntitlementGranted', userName: 'jane.doe' },
          ],
          null,
        ),
      )
      .then([granted]);
  });

  it('given a rate-limited target that asked to wait 30 s, when the attempt fails, then the retry waits at least that', () => {
    spec
      .given([requested])
      .when(attempt([], { kind: 'rate-limited', message: '429', retryable: true, retryAfterMs: 30_000 }, 0.1))
      .then([
        {
          type: 'OperationAttemptFailed',
          data: {
            operationId: 'grant.a-1',
            attempt: 1,
            errorKind: 'rate-limited',
            message: '429',
            retryAt: '2026-05-10T08:00:30.000Z',
            failedAt: at,
          },
        },
      ]);
  });

  it('given seven failed attempts, when the eighth fails, then it is a dead letter with eight attempts', () => {
    const seven = [1, 2, 3, 4, 5, 6, 7].map(failedAttempt);
    spec
      .given([requested, ...seven])
      .when(attempt([], unavailable))
      .then([{ type: 'OperationFailed', data: { ...ref, errorKind: 'unavailable', message: '503', attempts: 8, failedAt: at } }]);
  });

  it('given a requested operation, when an error no retry fixes happens, then it is a dead letter at once', () => {
    spec
      .given([requested])
      .when(attempt([], { kind: 'auth', message: 'bad password', retryable: false, retryAfterMs: null }))
      .then([deadLetter]);
  });

  it('given a dead letter, when an attempt is recorded, then it is an illegal state (it waits for an administrator)', () => {
    spec.given([requested, deadLetter]).when(attempt([], unavailable)).thenThrows(illegal('dead'));
  });

  it('given a dead letter, when an administrator retries it, then the attempts start again and the next failure is attempt 1', () => {
    const retried: OperationEvent = {
      type: 'OperationRetryRequested',
      data: { operationId: 'grant.a-1', requestedBy: admin, retriedAt: at },
    };
    spec
      .given([requested, deadLetter])
      .when({ type: 'RetryOperation', data: { by: admin, now } })
      .then([retried]);
    spec
      .given([requested, deadLetter, retried])
      .when(attempt([], unavailable, 0))
      .then([
        {
          type: 'OperationAttemptFailed',
          data: { operationId: 'grant.a-1', attempt: 1, errorKind: 'unavailable', message: '503', retryAt: at, failedAt: at },
        },
      ]);
  });

  it('given an operation that is not a dead letter, when retried, then it is an illegal state', () => {
    spec
      .given([requested])
      .when({ type: 'RetryOperation', data: { by: admin, now } })
      .thenThrows(illegal('pending'));
    spec
      .given([requested, granted])
      .when({ type: 'RetryOperation', data: { by: admin, now } })
      .thenThrows(illegal('succeeded'));
  });

  it('given a dead letter, when dismissed with a reason, then it is dismissed; without a reason it is refused', () => {
    spec
      .given([requested, deadLetter])
      .when({ type: 'DismissOperation', data: { by: admin, reason: ' handled by hand ', now } })
      .then([{ type: 'OperationDismissed', data: { operationId: 'grant.a-1', by: admin, reason: 'handled by hand', dismissedAt: at } }]);
    spec
      .given([requested, deadLetter])
      .when({ type: 'DismissOperation', data: { by: admin, reason: ' ', now } })
      .thenThrows({ code: 'validation', details: { field: 'reason' } });
  });

  it('given a succeeded or dismissed operation, when dismissed, then it is an illegal state', () => {
    const dismiss: OperationCommand = { type: 'DismissOperation', data: { by: admin, reason: 'no', now } };
    spec.given([requested, granted]).when(dismiss).thenThrows(illegal('succeeded'));
    const dismissed: OperationEvent = {
      type: 'OperationDismissed',
      data: { operationId: 'grant.a-1', by: admin, reason: 'x', dismissedAt: at },
    };
    spec.given([requested, dismissed]).when(dismiss).thenThrows(illegal('dismissed'));
  });

  it('given no operation, when an administrator retries, dismisses or completes it, then it is not found', () => {
    for (const command of [
      { type: 'RetryOperation', data: { by: admin, now } },
      { type: 'DismissOperation', data: { by: admin, reason: 'x', now } },
      { type: 'CompleteManualTask', data: { completedBy: admin, note: null, now } },
    ] as const) {
      spec.given([]).when(command).thenThrows({ code: 'not_found' });
    }
  });

  it('given a requested operation on a manual application, when a task is opened, then it awaits a person', () => {
    const { ownerEmployeeNumber, instructions, userName, completes } = taskOpened.data as Extract<
      OperationEvent,
      { type: 'ManualTaskOpened' }
    >['data'];
    spec
      .given([requested])
      .when({
        type: 'OpenManualTask',
        data: {
          ownerEmployeeNumber,
          instructions,
          userName,
          completes,
          dueAt: new Date('2026-05-13T08:00:00Z'),
          now,
          employeeNumber: '10042',
        },
      })
      .then([taskOpened]);
  });

  it('given an open task, when a person completes it with a note, then the success is recorded as done by that person through the task', () => {
    const person: Actor = { kind: 'person', id: 'owner-10005' };
    spec
      .given([requested, taskOpened])
      .when({ type: 'CompleteManualTask', data: { completedBy: person, note: ' done in the admin console ', now } })
      .then([
        {
          type: 'EntitlementGranted',
          data: {
            ...ref,
            userName: 'jane.doe',
            completedAt: at,
            via: 'manual-task',
            completedBy: 'owner-10005',
            note: 'done in the admin console',
            accountExisted: true,
            employeeNumber: '10042',
          },
        },
      ]);
  });

  it('given a completed task, when completed again, then it is an illegal state; an open task is not an attempt', () => {
    const completed: OperationEvent = {
      type: 'EntitlementGranted',
      data: { ...ref, ...byConnector, via: 'manual-task', completedBy: 'p' },
    };
    spec
      .given([requested, taskOpened, completed])
      .when({ type: 'CompleteManualTask', data: { completedBy: admin, note: null, now } })
      .thenThrows(illegal('succeeded'));
    spec.given([requested, taskOpened]).when(attempt([], unavailable)).thenThrows(illegal('awaiting-person'));
  });

  it('given an open task, when an administrator dismisses it, then it is dismissed', () => {
    spec
      .given([requested, taskOpened])
      .when({ type: 'DismissOperation', data: { by: admin, reason: 'application retired', now } })
      .then([
        { type: 'OperationDismissed', data: { operationId: 'grant.a-1', by: admin, reason: 'application retired', dismissedAt: at } },
      ]);
  });
});
