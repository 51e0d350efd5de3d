import { GraphQLJSON } from 'graphql-scalars';
import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { EntitlementRefInput } from '../shared/entitlement-ref.type';
import { AccessPolicyScopeKind, ApprovalStepKind, PeerGroup, RiskLevel, SodAction } from '../shared/policy-enums';

// Inputs mirror the policy model. Fields left out take the policy's own defaults (applied by its
// validation, named in each description); the application layer validates everything and names
// the rule and field that is wrong.

@InputType({ description: 'A business role; putRole adds it or replaces the role with the same id.' })
export class RoleInput {
  @Field(() => ID, { description: 'A slug chosen by the administrator, e.g. "engineering-baseline".' })
  id!: string;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true, description: 'Default "".' })
  description?: string | null;

  @Field(() => [EntitlementRefInput], { nullable: true, description: 'Default none.' })
  entitlements?: EntitlementRefInput[] | null;
}

@InputType({ description: 'A birthright rule; putBirthrightRule adds it or replaces the rule with the same id.' })
export class BirthrightRuleInput {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true, description: 'Default "".' })
  description?: string | null;

  @Field(() => GraphQLJSON, {
    description:
      'A condition on identity attributes, e.g. {"op":"equals","attribute":"department","value":"Finance"}; ' +
      'ops: all/any (conditions), not (condition), equals/prefix (attribute, value), in (attribute, values), exists (attribute), ' +
      'reportsTo (employeeNumber), always.',
  })
  condition!: unknown;

  @Field(() => [ID], { nullable: true, description: 'Ids of roles the rule assigns. Default none.' })
  roles?: string[] | null;

  @Field(() => [EntitlementRefInput], { nullable: true, description: 'Entitlements the rule assigns directly. Default none.' })
  entitlements?: EntitlementRefInput[] | null;

  @Field(() => Boolean, { nullable: true, description: 'Default true.' })
  enabled?: boolean | null;
}

@InputType({ description: 'One side of a separation-of-duties rule.' })
export class SodEntitlementSetInput {
  @Field()
  name!: string;

  @Field(() => [EntitlementRefInput], { nullable: true, description: 'Default none.' })
  entitlements?: EntitlementRefInput[] | null;

  @Field(() => [ID], { nullable: true, description: 'Roles whose entitlements belong to the set. Default none.' })
  roles?: string[] | null;
}

@InputType({ description: 'A separation-of-duties rule; putSodRule adds it or replaces the rule with the same id.' })
export class SodRuleInput {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true, description: 'Default "".' })
  description?: string | null;

  @Field(() => [SodEntitlementSetInput], { description: 'At least two.' })
  sets!: SodEntitlementSetInput[];

  @Field(() => RiskLevel, { nullable: true, description: 'Default HIGH.' })
  severity?: RiskLevel | null;

  @Field(() => SodAction, { nullable: true, description: 'Default BLOCK.' })
  action?: SodAction | null;
}

@InputType({ description: 'A named set of approvers; putApproverGroup adds it or replaces the group with the same id.' })
export class ApproverGroupInput {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => [String], { description: 'Employee numbers; at least one.' })
  members!: string[];
}

@InputType({ description: 'What an access policy covers: give `entitlement` for ENTITLEMENT, `application` for APPLICATION.' })
export class AccessPolicyScopeInput {
  @Field(() => AccessPolicyScopeKind)
  kind!: AccessPolicyScopeKind;

  @Field(() => EntitlementRefInput, { nullable: true })
  entitlement?: EntitlementRefInput | null;

  @Field(() => String, { nullable: true })
  application?: string | null;
}

@InputType({ description: 'One approval step; `group` (and `approvals`, default 1) only for GROUP.' })
export class ApprovalStepInput {
  @Field(() => ApprovalStepKind)
  kind!: ApprovalStepKind;

  @Field(() => ID, { nullable: true })
  group?: string | null;

  @Field(() => Int, { nullable: true })
  approvals?: number | null;
}

@InputType({ description: 'When a request is approved without people.' })
export class AutoApprovalInput {
  @Field(() => RiskLevel, { nullable: true, description: 'Default LOW.' })
  maxRisk?: RiskLevel | null;

  @Field(() => Float, { nullable: true, description: 'Share (0..1) of peers already holding the entitlement. Default 0 (peers ignored).' })
  minPeerShare?: number | null;

  @Field(() => PeerGroup, { nullable: true, description: 'Default DEPARTMENT.' })
  peerGroup?: PeerGroup | null;

  @Field(() => Float, { nullable: true, description: 'Only requests up to this many hours. Default: any duration.' })
  maxDurationHours?: number | null;
}

@InputType({ description: 'An access policy; putAccessPolicy adds it or replaces the policy with the same id.' })
export class AccessPolicyInput {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => AccessPolicyScopeInput)
  scope!: AccessPolicyScopeInput;

  @Field(() => Boolean, { nullable: true, description: 'Default true.' })
  requestable?: boolean | null;

  @Field(() => GraphQLJSON, { nullable: true, description: 'Who may hold it through a request, as a condition. Default: anyone active.' })
  requestableBy?: unknown;

  @Field(() => Float, { nullable: true, description: 'Longest grant in hours. Default: no limit.' })
  maxDurationHours?: number | null;

  @Field(() => [ApprovalStepInput], { nullable: true, description: 'Ordered, all required. Default: the manager; [] for none.' })
  approvalChain?: ApprovalStepInput[] | null;

  @Field(() => AutoApprovalInput, { nullable: true, description: 'Default: no auto-approval.' })
  autoApproval?: AutoApprovalInput | null;

  @Field(() => RiskLevel, { nullable: true, description: 'Default MEDIUM.' })
  risk?: RiskLevel | null;

  @Field(() => Boolean, { nullable: true, description: 'Default false.' })
  breakGlass?: boolean | null;
}
