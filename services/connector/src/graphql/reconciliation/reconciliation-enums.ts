import { registerEnumType } from 'type-graphql';

// GraphQL names for reconciliation's string unions; each value is the domain's own string.

export enum DriftRemediationName {
  REVOKE = 'revoke',
  ADOPT = 'adopt',
  FLAG = 'flag',
}

registerEnumType(DriftRemediationName, {
  name: 'DriftRemediation',
  description: 'What reconciliation does with the drift it finds in an application.',
  valuesConfig: {
    REVOKE: {
      description:
        'Make the target match the desired state: disable orphaned accounts, revoke grants made outside Tenure, grant missing ones, correct attributes.',
    },
    ADOPT: {
      description:
        'Accept grants made outside Tenure to known identities as assignments; still grant missing ones and correct attributes; flag orphaned accounts.',
    },
    FLAG: { description: 'Change nothing in the target: every drift waits for an administrator.' },
  },
});

export enum DriftKindName {
  ORPHANED_ACCOUNT = 'orphaned-account',
  GRANT_OUTSIDE_TENURE = 'grant-outside-tenure',
  MISSING_GRANT = 'missing-grant',
  ATTRIBUTE_DRIFT = 'attribute-drift',
}

registerEnumType(DriftKindName, {
  name: 'DriftKind',
  description: 'How a target differs from what Tenure knows and wants.',
  valuesConfig: {
    ORPHANED_ACCOUNT: { description: 'An account no identity matches, or an enabled account of a terminated identity.' },
    GRANT_OUTSIDE_TENURE: { description: 'A grant in the target that no active assignment asks for.' },
    MISSING_GRANT: { description: 'An active assignment whose grant the target lacks.' },
    ATTRIBUTE_DRIFT: { description: 'An account whose display name or email differs from its identity’s.' },
  },
});

export enum DriftStatusName {
  OPEN = 'open',
  REMEDIATING = 'remediating',
  REMEDIATED = 'remediated',
  ADOPTED = 'adopted',
  DISMISSED = 'dismissed',
  RESOLVED = 'resolved',
}

registerEnumType(DriftStatusName, {
  name: 'DriftStatus',
  valuesConfig: {
    OPEN: { description: 'Found, nothing done yet: waits for an administrator (or the next run, if the setting changes).' },
    REMEDIATING: { description: 'An operation to fix it was requested.' },
    REMEDIATED: { description: 'The operation succeeded, or the next run no longer found it.' },
    ADOPTED: { description: 'Accepted as desired access: the workflow service records it as an assignment.' },
    DISMISSED: { description: 'An administrator decided to leave it as it is.' },
    RESOLVED: { description: 'Gone from the target before anyone acted on it.' },
  },
});

export enum DriftActionName {
  REVOKE = 'revoke',
  ADOPT = 'adopt',
  DISMISS = 'dismiss',
}

registerEnumType(DriftActionName, {
  name: 'DriftAction',
  description: 'What an administrator does with an open drift.',
  valuesConfig: {
    REVOKE: {
      description:
        'Make the target match: disable the orphaned account, revoke the outside grant, grant the missing one, correct the attributes.',
    },
    ADOPT: { description: 'Accept an outside grant of a known, not terminated identity as an assignment.' },
    DISMISS: { description: 'Leave it as it is (e.g. a service account); it stays dismissed while the target keeps it.' },
  },
});

export enum ReconciliationRunStatusName {
  RUNNING = 'running',
  COMPLETED = 'completed',
  FAILED = 'failed',
}

registerEnumType(ReconciliationRunStatusName, { name: 'ReconciliationRunStatus' });

export enum ReconciliationTriggerName {
  ADMINISTRATOR = 'administrator',
  SCHEDULE = 'schedule',
}

registerEnumType(ReconciliationTriggerName, { name: 'ReconciliationTrigger', description: 'Who started a reconciliation run.' });
