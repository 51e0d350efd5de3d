import { Field, ID, Int, ObjectType } from 'type-graphql';
import { EntitlementRef } from '../shared/entitlement-ref.type';
import { RiskLevel, SodAction } from '../shared/policy-enums';
import { Identity } from '../identity/identity.type';
import { SodException } from '../sod/sod-exception.type';

@ObjectType({ description: 'One set of a separation-of-duties rule, with the entitlements of it that are (or would be) held.' })
export class SodConflictSet {
  @Field()
  setName!: string;

  @Field(() => [EntitlementRef])
  entitlements!: EntitlementRef[];
}

@ObjectType({ description: 'Entitlements of two or more sets of one separation-of-duties rule held together.' })
export class SodViolation {
  @Field()
  ruleId!: string;

  @Field()
  ruleName!: string;

  @Field(() => RiskLevel)
  severity!: RiskLevel;

  @Field(() => SodAction)
  action!: SodAction;

  @Field(() => [SodConflictSet], { description: 'Two or more sets, each with the held entitlements that put it in conflict.' })
  conflicting!: SodConflictSet[];

  @Field(() => SodException, {
    nullable: true,
    description: 'The valid exception that waives it, if any (a BLOCK rule ignores exceptions).',
  })
  exception!: SodException | null;

  @Field({ description: 'True when it stops an assignment: BLOCK, or REQUIRE_EXCEPTION without a valid exception.' })
  blocking!: boolean;

  @Field({ description: 'The violation in a sentence, naming the rule and the entitlements.' })
  explanation!: string;
}

@ObjectType({ description: 'A violation that detective separation-of-duties checking found and that is not resolved yet.' })
export class DetectedViolation {
  @Field(() => ID)
  identityId!: string;

  @Field(() => Identity, { description: 'The person, with every identity field through the gateway.' })
  identity!: Identity;

  @Field()
  employeeNumber!: string;

  @Field(() => SodViolation)
  violation!: SodViolation;

  @Field()
  detectedAt!: Date;

  @Field(() => Int, { description: 'The policy version it was found with.' })
  policyVersion!: number;
}
