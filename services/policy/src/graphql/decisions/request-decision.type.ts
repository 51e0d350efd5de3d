import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { ApprovalChainStep } from '../policy-set/policy-items.type';
import { EntitlementRef } from '../shared/entitlement-ref.type';
import { RiskLevel } from '../shared/policy-enums';
import { SodViolation } from './sod-violation.type';

@ObjectType({ description: 'A step of the approval chain a request needs, as a person reads it.' })
export class ApprovalStepDecision {
  @Field(() => ApprovalChainStep)
  step!: ApprovalChainStep;

  @Field({ description: 'e.g. "the requester’s manager (1001)", "2 distinct members of Production approvers".' })
  description!: string;
}

@ObjectType({ description: 'Whether an entitlement can be requested for an identity, and on what terms; every answer says why.' })
export class RequestDecision {
  @Field(() => Int)
  policyVersion!: number;

  @Field(() => ID)
  identityId!: string;

  @Field(() => EntitlementRef)
  entitlement!: EntitlementRef;

  @Field()
  allowed!: boolean;

  @Field(() => [String], { description: 'Why it is allowed or not, in order.' })
  reasons!: string[];

  @Field(() => String, { nullable: true, description: 'The access policy applied; null when none applies (then nothing is requestable).' })
  policyId!: string | null;

  @Field(() => String, { nullable: true })
  policyName!: string | null;

  @Field(() => RiskLevel, { nullable: true })
  risk!: RiskLevel | null;

  @Field(() => Float, { nullable: true, description: 'Longest grant in hours; null: no limit.' })
  maxDurationHours!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'The duration the grant gets: the requested one, capped by the maximum; null: no end.',
  })
  grantedDurationHours!: number | null;

  @Field(() => [ApprovalStepDecision], { description: 'Every step is required, in order.' })
  approvalChain!: ApprovalStepDecision[];

  @Field()
  autoApproved!: boolean;

  @Field(() => [String])
  autoApprovalReasons!: string[];

  @Field({ description: 'Asked as emergency (break-glass) access.' })
  breakGlass!: boolean;

  @Field(() => [SodViolation], { description: 'Violations the grant would create (or keep) with what the identity holds.' })
  sodConflicts!: SodViolation[];
}
