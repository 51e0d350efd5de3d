import type { AccessPolicy, ApproverGroup, BirthrightRule, PolicySet, Role, SodRule } from '@tenure/policy-decisions';

// Small, valid policy items for the deciders' tests (and the application's).

export const emailRole: Role = {
  id: 'email',
  name: 'Email',
  description: '',
  entitlements: [{ application: 'google-workspace', entitlement: 'mailbox' }],
};

export const everyoneGetsEmail: BirthrightRule = {
  id: 'everyone-email',
  name: 'Everyone: email',
  description: '',
  condition: { op: 'always' },
  roles: ['email'],
  entitlements: [],
  enabled: true,
};

export const vendorPaymentRule: SodRule = {
  id: 'vendor-payment',
  name: 'Create vendor / approve payment',
  description: '',
  sets: [
    { name: 'create vendor', entitlements: [{ application: 'erp', entitlement: 'vendor-create' }], roles: [] },
    { name: 'approve payment', entitlements: [{ application: 'erp', entitlement: 'payment-approve' }], roles: [] },
  ],
  severity: 'high',
  action: 'require-exception',
};

export const securityTeam: ApproverGroup = { id: 'security', name: 'Security team', members: ['10013'] };

export const productionPolicy: AccessPolicy = {
  id: 'production',
  name: 'Production access',
  scope: { kind: 'application', application: 'aws-production' },
  requestable: true,
  requestableBy: null,
  maxDurationHours: 4,
  approvalChain: [{ kind: 'manager' }, { kind: 'group', group: 'security', approvals: 1 }],
  autoApproval: null,
  risk: 'high',
  breakGlass: false,
};

export const smallPolicy: PolicySet = {
  roles: [emailRole],
  birthrightRules: [everyoneGetsEmail],
  sodRules: [vendorPaymentRule],
  accessPolicies: [productionPolicy],
  approverGroups: [securityTeam],
};
