import { Field, ID, Int, ObjectType } from 'type-graphql';
import { EntitlementRef } from '../shared/entitlement-ref.type';

@ObjectType({ description: 'One rule (and, when through a role, that role) granting a birthright entitlement, with what matched.' })
export class BirthrightReason {
  @Field()
  ruleId!: string;

  @Field()
  ruleName!: string;

  @Field(() => String, { nullable: true, description: 'Set when the rule grants it through a role.' })
  roleId!: string | null;

  @Field(() => String, { nullable: true })
  roleName!: string | null;

  @Field(() => [String], { description: 'The conditions that held, with the values that matched, e.g. `department = "Engineering"`.' })
  matched!: string[];
}

@ObjectType({ description: 'An entitlement the identity should hold by birthright, and every reason why.' })
export class BirthrightEntitlement {
  @Field(() => EntitlementRef)
  entitlement!: EntitlementRef;

  @Field(() => [BirthrightReason])
  reasons!: BirthrightReason[];
}

@ObjectType({ description: 'What an identity should hold by birthright under a policy version, and why.' })
export class BirthrightDecision {
  @Field(() => Int)
  policyVersion!: number;

  @Field(() => ID)
  identityId!: string;

  @Field(() => [BirthrightEntitlement], { description: 'By entitlement key. Empty for someone who has left.' })
  entitlements!: BirthrightEntitlement[];
}
