import { person } from './policy-people';

/** The people the tests know: Engineering with a manager and a senior reviewer, Finance with a manager. */
export const PEOPLE = {
  alice: person('1001', 'Engineering', 'Engineering Manager'),
  bob: person('1002', 'Engineering', 'Software Engineer', '1001'),
  carol: person('1003', 'Engineering', 'Senior Engineer', '1001'),
  dan: person('1004', 'Finance', 'Accountant', '1005'),
  erin: person('1005', 'Finance', 'Finance Manager'),
} as const;

/**
 * A small policy in the shape of the demo one, as a replacePolicyDraft document: birthright for
 * everyone, Engineering (seniors also approve code changes), Finance (managers also approve
 * payments); two SoD rules; production access requestable for 4 hours with manager then owner.
 */
export const TEST_POLICY = {
  roles: [
    {
      id: 'engineering-tools',
      name: 'Engineering tools',
      entitlements: [
        { application: 'github', entitlement: 'org-member' },
        { application: 'staging', entitlement: 'deploy' },
      ],
    },
    { id: 'finance-erp', name: 'Finance ERP', entitlements: [{ application: 'erp', entitlement: 'create-vendor' }] },
  ],
  birthrightRules: [
    {
      id: 'everyone',
      name: 'Everyone',
      condition: { op: 'always' },
      entitlements: [
        { application: 'mail', entitlement: 'mailbox' },
        { application: 'chat', entitlement: 'member' },
      ],
    },
    {
      id: 'engineering',
      name: 'Engineering',
      condition: { op: 'equals', attribute: 'department', value: 'Engineering' },
      roles: ['engineering-tools'],
    },
  ],
  sodRules: [
    {
      id: 'finance-vendor-payment',
      name: 'Create vendor vs approve payment',
      sets: [
        { name: 'create vendor', entitlements: [{ application: 'erp', entitlement: 'create-vendor' }] },
        { name: 'approve payment', entitlements: [{ application: 'erp', entitlement: 'approve-payment' }] },
      ],
      severity: 'critical',
      action: 'block',
    },
  ],
  accessPolicies: [
    { id: 'default', name: 'Anything else', scope: { kind: 'default' }, approvalChain: [{ kind: 'manager' }], risk: 'medium' },
  ],
  approverGroups: [],
} as const;

/**
 * What the typed mutations add to TEST_POLICY: senior engineers review code, Finance creates
 * vendors and its managers approve payments (a violation of the block rule for them), deploy vs
 * review needs an exception, production access for Engineering for 4 hours (manager then owner),
 * and ERP requests approved by the manager then 2 finance controllers.
 */
export const TYPED_EDITS = `mutation {
  a: putBirthrightRule(rule: { id: "engineering-reviewers", name: "Senior engineers review code",
    condition: { op: "all", conditions: [{ op: "equals", attribute: "department", value: "Engineering" }, { op: "prefix", attribute: "title", value: "Senior" }] },
    entitlements: [{ application: "github", entitlement: "approve-code-change" }] }) { changed }
  b: putBirthrightRule(rule: { id: "finance", name: "Finance", condition: { op: "equals", attribute: "department", value: "Finance" }, roles: ["finance-erp"] }) { changed }
  c: putBirthrightRule(rule: { id: "finance-managers", name: "Finance managers approve payments",
    condition: { op: "equals", attribute: "title", value: "Finance Manager" }, entitlements: [{ application: "erp", entitlement: "approve-payment" }] }) { changed }
  d: putSodRule(rule: { id: "engineering-deploy-review", name: "Deploy vs review", severity: HIGH, action: REQUIRE_EXCEPTION, sets: [
    { name: "deploy to production", entitlements: [{ application: "aws", entitlement: "production-admin" }] },
    { name: "approve code change", entitlements: [{ application: "github", entitlement: "approve-code-change" }] }] }) { changed }
  e: putApproverGroup(group: { id: "finance-controllers", name: "Finance controllers", members: ["1005", "1001"] }) { changed }
  f: putAccessPolicy(policy: { id: "production-access", name: "Production access", risk: HIGH, maxDurationHours: 4,
    scope: { kind: ENTITLEMENT, entitlement: { application: "aws", entitlement: "production-admin" } },
    requestableBy: { op: "equals", attribute: "department", value: "Engineering" },
    approvalChain: [{ kind: MANAGER }, { kind: ENTITLEMENT_OWNER }] }) { changed }
  g: putAccessPolicy(policy: { id: "erp", name: "ERP", scope: { kind: APPLICATION, application: "erp" },
    approvalChain: [{ kind: MANAGER }, { kind: GROUP, group: "finance-controllers", approvals: 2 }] }) { changed }
  h: putRole(role: { id: "temporary", name: "Temporary" }) { changed }
  i: removeRole(id: "temporary") { changed }
}`;
