import { GraphQLJSON } from 'graphql-scalars';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { EntitlementRef } from '../shared/entitlement-ref.type';
import { AccessPolicyScopeKind, ApprovalStepKind, PeerGroup, RiskLevel, SodAction } from '../shared/policy-enums';

@ObjectType({ description: 'A business role: a named bundle of entitlements.' })
export class Role {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field()
  description!: string;

  @Field(() => [EntitlementRef])
  entitlements!: EntitlementRef[];
}

@ObjectType({ description: 'Everyone matching the condition should hold the rule’s roles and entitlements.' })
export class BirthrightRule {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field({ description: 'What the administrator wrote about the rule.' })
  description!: string;

  @Field({ description: 'The condition as a person reads it, e.g. `department = "Engineering" and title starts with "Senior"`.' })
  conditionDescription!: string;

  @Field(() => GraphQLJSON, { description: 'The condition as data (all/any/not of equals, in, prefix, exists, reportsTo, always).' })
  condition!: unknown;

  @Field(() => [ID], { description: 'Ids of the roles the rule assigns.' })
  roles!: string[];

  @Field(() => [EntitlementRef], { description: 'Entitlements the rule assigns directly.' })
  entitlements!: EntitlementRef[];

  @Field({ description: 'A disabled rule stays in the policy but grants nothing.' })
  enabled!: boolean;
}

@ObjectType({ description: 'One side of a separation-of-duties rule.' })
export class SodEntitlementSet {
  @Field()
  name!: string;

  @Field(() => [EntitlementRef])
  entitlements!: EntitlementRef[];

  @Field(() => [ID], { description: 'Roles whose entitlements count as members of the set.' })
  roles!: string[];
}

@ObjectType({ description: 'Entitlements that must not be held together: holding members of two or more sets at once is a violation.' })
export class SodRule {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field()
  description!: string;

  @Field(() => [SodEntitlementSet])
  sets!: SodEntitlementSet[];

  @Field(() => RiskLevel)
  severity!: RiskLevel;

  @Field(() => SodAction)
  action!: SodAction;
}

@ObjectType({ description: 'A named set of approvers.' })
export class ApproverGroup {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => [String], { description: 'Employee numbers.' })
  members!: string[];
}

@ObjectType({ description: 'One step of an approval chain; every step is required, in order.' })
export class ApprovalChainStep {
  @Field(() => ApprovalStepKind)
  kind!: ApprovalStepKind;

  @Field(() => ID, { nullable: true, description: 'The approver group, for a GROUP step.' })
  group!: string | null;

  @Field(() => Int, { description: 'Distinct approvers the step needs: 1 except for GROUP steps that ask for more.' })
  approvals!: number;
}

@ObjectType({ description: 'What an access policy covers.' })
export class AccessPolicyScope {
  @Field(() => AccessPolicyScopeKind)
  kind!: AccessPolicyScopeKind;

  @Field(() => EntitlementRef, { nullable: true, description: 'For ENTITLEMENT.' })
  entitlement!: EntitlementRef | null;

  @Field(() => String, { nullable: true, description: 'For APPLICATION.' })
  application!: string | null;
}

@ObjectType({ description: 'A request is approved without people when all of these hold.' })
export class AutoApproval {
  @Field(() => RiskLevel, { description: 'The entitlement’s risk must be at most this.' })
  maxRisk!: RiskLevel;

  @Field(() => Float, { description: 'At least this share (0..1) of the requester’s peers already hold the entitlement; 0 ignores peers.' })
  minPeerShare!: number;

  @Field(() => PeerGroup)
  peerGroup!: PeerGroup;

  @Field(() => Float, { nullable: true, description: 'Only requests for at most this many hours; null: any duration up to the maximum.' })
  maxDurationHours!: number | null;
}

@ObjectType({ description: 'How an entitlement, an application’s entitlements or any entitlement (default) can be requested.' })
export class AccessPolicy {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => AccessPolicyScope)
  scope!: AccessPolicyScope;

  @Field()
  requestable!: boolean;

  @Field(() => GraphQLJSON, { nullable: true, description: 'Who may hold it through a request, as a condition; null: anyone active.' })
  requestableBy!: unknown;

  @Field(() => String, { nullable: true, description: 'requestableBy as a person reads it.' })
  requestableByDescription!: string | null;

  @Field(() => Float, { nullable: true, description: 'Longest grant in hours; null: no limit.' })
  maxDurationHours!: number | null;

  @Field(() => [ApprovalChainStep], { description: 'Ordered; every step is required. Empty: no approval by people.' })
  approvalChain!: ApprovalChainStep[];

  @Field(() => AutoApproval, { nullable: true })
  autoApproval!: AutoApproval | null;

  @Field(() => RiskLevel)
  risk!: RiskLevel;

  @Field({ description: 'Emergency access is granted at once and reviewed afterwards.' })
  breakGlass!: boolean;
}
