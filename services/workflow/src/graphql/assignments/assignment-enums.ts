import { registerEnumType } from 'type-graphql';

// GraphQL names for the contract's string unions; each value is the contract's own string, so rows
// map to the schema without translation.

export enum AssignmentSourceKind {
  BIRTHRIGHT = 'birthright',
  REQUEST = 'request',
  BREAK_GLASS = 'break-glass',
  REVIEW = 'review',
  EXCEPTION = 'exception',
  ADOPTED_DRIFT = 'adopted-drift',
}

registerEnumType(AssignmentSourceKind, {
  name: 'AssignmentSourceKind',
  description: 'Why an identity holds an entitlement.',
  valuesConfig: {
    BIRTHRIGHT: { description: 'Policy birthright rules; the reference lists the rule ids.' },
    ADOPTED_DRIFT: { description: 'Found in the application by reconciliation and adopted.' },
  },
});

export enum AssignmentStatus {
  PENDING_PROVISIONING = 'pending-provisioning',
  ACTIVE = 'active',
  REVOKING = 'revoking',
  REVOKED = 'revoked',
}

registerEnumType(AssignmentStatus, {
  name: 'AssignmentStatus',
  description: 'Where the assignment is in its life: held while pending provisioning or active.',
  valuesConfig: {
    PENDING_PROVISIONING: { description: 'Added; the application has not acknowledged the grant yet.' },
    ACTIVE: { description: 'The application acknowledged the grant.' },
    REVOKING: { description: 'Revoked; the application has not acknowledged the removal yet.' },
    REVOKED: { description: 'The application acknowledged the removal.' },
  },
});

export enum AssignmentRevocationReason {
  LEAVER = 'leaver',
  NO_LONGER_BIRTHRIGHT = 'no-longer-birthright',
  EXPIRED = 'expired',
  REVIEW = 'review',
  CANCELLED = 'cancelled',
  ADMINISTRATOR = 'administrator',
  DRIFT_REMEDIATION = 'drift-remediation',
}

registerEnumType(AssignmentRevocationReason, {
  name: 'AssignmentRevocationReason',
  description: 'Why an assignment ended.',
  valuesConfig: {
    LEAVER: { description: 'The identity was terminated: everything it held was revoked at once.' },
    NO_LONGER_BIRTHRIGHT: { description: 'A move or a new policy version: the birthright rules no longer grant it.' },
  },
});
