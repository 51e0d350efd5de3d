import {
  describeCondition,
  type AccessPolicy as AccessPolicyModel,
  type ApprovalStep as ApprovalStepModel,
  type ApproverGroup as ApproverGroupModel,
  type BirthrightRule as BirthrightRuleModel,
  type PolicySet as PolicySetModel,
  type Role as RoleModel,
  type SodRule as SodRuleModel,
} from '@tenure/policy-decisions';
import { toEntitlementRef, toEntitlementRefs } from '../shared/entitlement-ref.type';
import type { AccessPolicyScopeKind, ApprovalStepKind, PeerGroup, RiskLevel, SodAction } from '../shared/policy-enums';
import {
  AccessPolicy,
  AccessPolicyScope,
  ApprovalChainStep,
  ApproverGroup,
  AutoApproval,
  BirthrightRule,
  Role,
  SodEntitlementSet,
  SodRule,
} from './policy-items.type';
import { PolicySet } from './policy-set.type';

// The GraphQL enums carry the model's strings as values, so model unions are cast, never translated.

export function toPolicySet(policy: PolicySetModel): PolicySet {
  return Object.assign(new PolicySet(), {
    roles: policy.roles.map(toRole),
    birthrightRules: policy.birthrightRules.map(toBirthrightRule),
    sodRules: policy.sodRules.map(toSodRule),
    accessPolicies: policy.accessPolicies.map(toAccessPolicy),
    approverGroups: policy.approverGroups.map(toApproverGroup),
    document: policy,
  });
}

export function toRole(role: RoleModel): Role {
  return Object.assign(new Role(), {
    id: role.id,
    name: role.name,
    description: role.description,
    entitlements: toEntitlementRefs(role.entitlements),
  });
}

export function toBirthrightRule(rule: BirthrightRuleModel): BirthrightRule {
  return Object.assign(new BirthrightRule(), {
    id: rule.id,
    name: rule.name,
    description: rule.description,
    conditionDescription: describeCondition(rule.condition),
    condition: rule.condition,
    roles: [...rule.roles],
    entitlements: toEntitlementRefs(rule.entitlements),
    enabled: rule.enabled,
  });
}

export function toSodRule(rule: SodRuleModel): SodRule {
  return Object.assign(new SodRule(), {
    id: rule.id,
    name: rule.name,
    description: rule.description,
    sets: rule.sets.map((set) =>
      Object.assign(new SodEntitlementSet(), { name: set.name, entitlements: toEntitlementRefs(set.entitlements), roles: [...set.roles] }),
    ),
    severity: rule.severity as RiskLevel,
    action: rule.action as SodAction,
  });
}

export function toApproverGroup(group: ApproverGroupModel): ApproverGroup {
  return Object.assign(new ApproverGroup(), { id: group.id, name: group.name, members: [...group.members] });
}

export function toApprovalStep(step: ApprovalStepModel): ApprovalChainStep {
  return Object.assign(new ApprovalChainStep(), {
    kind: step.kind as ApprovalStepKind,
    group: step.kind === 'group' ? step.group : null,
    approvals: step.kind === 'group' ? step.approvals : 1,
  });
}

export function toAccessPolicy(policy: AccessPolicyModel): AccessPolicy {
  const { scope, autoApproval } = policy;
  return Object.assign(new AccessPolicy(), {
    id: policy.id,
    name: policy.name,
    scope: Object.assign(new AccessPolicyScope(), {
      kind: scope.kind as AccessPolicyScopeKind,
      entitlement: scope.kind === 'entitlement' ? toEntitlementRef(scope.entitlement) : null,
      application: scope.kind === 'application' ? scope.application : null,
    }),
    requestable: policy.requestable,
    requestableBy: policy.requestableBy,
    requestableByDescription: policy.requestableBy ? describeCondition(policy.requestableBy) : null,
    maxDurationHours: policy.maxDurationHours,
    approvalChain: policy.approvalChain.map(toApprovalStep),
    autoApproval: autoApproval
      ? Object.assign(new AutoApproval(), {
          maxRisk: autoApproval.maxRisk as RiskLevel,
          minPeerShare: autoApproval.minPeerShare,
          peerGroup: autoApproval.peerGroup as PeerGroup,
          maxDurationHours: autoApproval.maxDurationHours,
        })
      : null,
    risk: policy.risk as RiskLevel,
    breakGlass: policy.breakGlass,
  });
}
