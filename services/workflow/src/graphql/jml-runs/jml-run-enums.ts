import { registerEnumType } from 'type-graphql';

// GraphQL names for the JML runs' string unions; each value is the read model's own string.

export enum JmlRunKind {
  JOINER = 'joiner',
  MOVER = 'mover',
  LEAVER = 'leaver',
}
registerEnumType(JmlRunKind, {
  name: 'JmlRunKind',
  description: 'Which lifecycle event started the run.',
  valuesConfig: {
    JOINER: { description: 'The identity became active: its birthright is granted ("ready on day one").' },
    MOVER: { description: 'The identity moved: birthright that no longer applies is revoked, new birthright granted.' },
    LEAVER: { description: 'The identity was terminated: every assignment revoked and every account disabled (the kill switch).' },
  },
});

export enum JmlRunStatus {
  IN_PROGRESS = 'in-progress',
  COMPLETED = 'completed',
  COMPLETED_WITH_FAILURES = 'completed-with-failures',
}
registerEnumType(JmlRunStatus, {
  name: 'JmlRunStatus',
  valuesConfig: {
    IN_PROGRESS: { description: 'Some of the work is not planned or not settled yet.' },
    COMPLETED: { description: 'Every grant, revoke and account disable was acknowledged by its application.' },
    COMPLETED_WITH_FAILURES: { description: 'Everything settled, but some of it failed (a dead letter for an administrator).' },
  },
});
