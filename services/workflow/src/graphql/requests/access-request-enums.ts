import { registerEnumType } from 'type-graphql';

// GraphQL names for the request domain's string unions; each value is the domain's own string.

export enum AccessRequestStatus {
  PENDING = 'pending',
  APPROVED = 'approved',
  GRANTED = 'granted',
  REFUSED = 'refused',
  DENIED = 'denied',
  CANCELLED = 'cancelled',
  FULFILMENT_FAILED = 'fulfilment-failed',
}

registerEnumType(AccessRequestStatus, {
  name: 'AccessRequestStatus',
  description: 'Where an access request stands.',
  valuesConfig: {
    PENDING: { description: 'Waiting for approvals.' },
    APPROVED: { description: 'Approved; the assignment is being added.' },
    GRANTED: { description: 'The assignment was added (or extended); the grant runs from the provisioning acknowledgement.' },
    REFUSED: { description: 'The policy does not allow it; see the decision reasons.' },
    DENIED: { description: 'An approver denied it.' },
    FULFILMENT_FAILED: { description: 'Approved, but the assignments refused it (SoD, a leaver, already held); see failureReason.' },
  },
});

export enum ApprovalHow {
  APPROVALS = 'approvals',
  AUTO = 'auto',
  BREAK_GLASS = 'break-glass',
  NO_APPROVAL_REQUIRED = 'no-approval-required',
}

registerEnumType(ApprovalHow, { name: 'ApprovalHow', description: 'How an access request was approved.' });

export enum ApprovalStepKind {
  MANAGER = 'manager',
  ENTITLEMENT_OWNER = 'entitlement-owner',
  APPLICATION_OWNER = 'application-owner',
  GROUP = 'group',
}

registerEnumType(ApprovalStepKind, {
  name: 'ApprovalStepKind',
  description: 'Who approves one step of an approval chain.',
  valuesConfig: { GROUP: { description: 'A number of distinct members of an approver group.' } },
});

export enum ApprovalStepStatus {
  WAITING = 'waiting',
  OPEN = 'open',
  APPROVED = 'approved',
  DENIED = 'denied',
  CLOSED = 'closed',
}

registerEnumType(ApprovalStepStatus, {
  name: 'ApprovalStepStatus',
  description: 'Where a step stands.',
  valuesConfig: {
    WAITING: { description: 'A later step: opens when the ones before are approved.' },
    CLOSED: { description: 'The request ended before this step was decided.' },
  },
});

export enum RequestPartyKind {
  PERSON = 'person',
  ADMINISTRATOR = 'administrator',
  PROCESS = 'process',
}

registerEnumType(RequestPartyKind, {
  name: 'RequestPartyKind',
  description: 'Who decided: a person, an administrator, a workflow process.',
});
