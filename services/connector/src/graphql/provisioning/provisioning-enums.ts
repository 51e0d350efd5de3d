import { registerEnumType } from 'type-graphql';

// GraphQL names for provisioning's string unions; each value is the domain's own string.

export enum OperationStatusName {
  REQUESTED = 'requested',
  RETRYING = 'retrying',
  SUCCEEDED = 'succeeded',
  DEAD = 'dead',
  DISMISSED = 'dismissed',
  AWAITING_PERSON = 'awaiting-person',
}

registerEnumType(OperationStatusName, {
  name: 'OperationStatus',
  description: 'Where an operation is.',
  valuesConfig: {
    REQUESTED: { description: 'Waiting for its first attempt (or the first after an administrator’s retry).' },
    RETRYING: { description: 'An attempt failed in a way a retry may fix; the next is at nextAttemptAt.' },
    SUCCEEDED: { description: 'The target acknowledged it (or a person completed its task).' },
    DEAD: { description: 'A dead letter: retries ran out or no retry can fix it. An administrator retries or dismisses it.' },
    DISMISSED: { description: 'Given up on purpose, with who and why.' },
    AWAITING_PERSON: { description: 'A manual task is open: a person does it and says so.' },
  },
});

export enum OperationActionName {
  CREATE_ACCOUNT = 'create-account',
  UPDATE_ACCOUNT = 'update-account',
  DISABLE_ACCOUNT = 'disable-account',
  ENABLE_ACCOUNT = 'enable-account',
  GRANT = 'grant',
  REVOKE = 'revoke',
}

registerEnumType(OperationActionName, { name: 'OperationAction', description: 'What an operation changes in the target.' });

export enum OperationPriorityName {
  LEAVER = 'leaver',
  ROUTINE = 'routine',
}

registerEnumType(OperationPriorityName, { name: 'OperationPriority', description: 'Leaver work goes ahead of routine work.' });

export enum OperationCauseKindName {
  ASSIGNMENT = 'assignment',
  TERMINATION = 'termination',
  DRIFT = 'drift',
  ADMINISTRATOR = 'administrator',
}

registerEnumType(OperationCauseKindName, { name: 'OperationCauseKind', description: 'What caused an operation.' });

export enum AccountStatusName {
  ENABLED = 'enabled',
  DISABLED = 'disabled',
}

registerEnumType(AccountStatusName, { name: 'AccountStatus' });

export enum CircuitStateName {
  CLOSED = 'closed',
  OPEN = 'open',
  HALF_OPEN = 'half-open',
}

registerEnumType(CircuitStateName, {
  name: 'CircuitState',
  description: 'The circuit breaker of an application, in the connector service instance that answers.',
  valuesConfig: {
    CLOSED: { description: 'Operations run.' },
    OPEN: { description: 'The target kept failing: its operations wait instead of piling retries on it.' },
    HALF_OPEN: { description: 'One trial operation decides whether the circuit closes again.' },
  },
});

export enum ManualTaskStatusName {
  OPEN = 'open',
  COMPLETED = 'completed',
  DISMISSED = 'dismissed',
}

registerEnumType(ManualTaskStatusName, { name: 'ManualTaskStatus' });

export enum ManualTaskFilterName {
  OPEN = 'open',
  OVERDUE = 'overdue',
  ALL = 'all',
}

registerEnumType(ManualTaskFilterName, {
  name: 'ManualTaskFilter',
  valuesConfig: {
    OPEN: { description: 'Not completed nor dismissed.' },
    OVERDUE: { description: 'Open and past due.' },
    ALL: { description: 'Every task ever opened.' },
  },
});
