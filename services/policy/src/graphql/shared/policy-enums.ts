import { registerEnumType } from 'type-graphql';

// GraphQL names for the policy model's string unions; each value is the model's own string, so
// inputs pass through to the application unchanged and outputs need no translation.

export enum RiskLevel {
  LOW = 'low',
  MEDIUM = 'medium',
  HIGH = 'high',
  CRITICAL = 'critical',
}

registerEnumType(RiskLevel, { name: 'RiskLevel', description: 'How much harm misuse of an access could do, from low to critical.' });

export enum SodAction {
  BLOCK = 'block',
  REQUIRE_EXCEPTION = 'require-exception',
  ALERT = 'alert',
}

registerEnumType(SodAction, {
  name: 'SodAction',
  description: 'What a separation-of-duties conflict does to an assignment.',
  valuesConfig: {
    BLOCK: { description: 'Never granted together; an exception does not help.' },
    REQUIRE_EXCEPTION: { description: 'Granted together only with an approved, unexpired exception for that identity.' },
    ALERT: { description: 'Allowed, and reported as a violation.' },
  },
});

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

export enum AccessPolicyScopeKind {
  ENTITLEMENT = 'entitlement',
  APPLICATION = 'application',
  DEFAULT = 'default',
}

registerEnumType(AccessPolicyScopeKind, {
  name: 'AccessPolicyScopeKind',
  description: 'What an access policy covers; the most specific policy applies: entitlement, else application, else default.',
});

export enum PeerGroup {
  DEPARTMENT = 'department',
  MANAGER = 'manager',
  TITLE = 'title',
}

registerEnumType(PeerGroup, { name: 'PeerGroup', description: 'Who counts as a requester’s peers for auto-approval.' });

export enum SodExceptionStatus {
  ACTIVE = 'active',
  EXPIRED = 'expired',
  REVOKED = 'revoked',
}

registerEnumType(SodExceptionStatus, {
  name: 'SodExceptionStatus',
  description: 'An exception applies while ACTIVE; it expires at validUntil or is revoked by an administrator.',
});
