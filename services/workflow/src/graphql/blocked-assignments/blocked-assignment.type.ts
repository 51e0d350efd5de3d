import { Field, ID, ObjectType } from 'type-graphql';
import { AssignmentSource } from '../assignments/assignment.type';

@ObjectType({ description: 'A blocking separation-of-duties rule that refused an assignment.' })
export class SodBlockingRule {
  @Field(() => ID)
  ruleId!: string;

  @Field()
  ruleName!: string;

  @Field({ description: 'Which sets the identity would hold together, and why that is refused.' })
  explanation!: string;
}

@ObjectType({
  description:
    'A birthright entitlement a blocking SoD rule kept from being assigned, waiting for an administrator (an exception, a policy change, a move).',
})
export class BlockedAssignment {
  @Field(() => ID)
  identityId!: string;

  @Field(() => String, { nullable: true, description: 'Null when workflow does not know the identity (any more).' })
  employeeNumber!: string | null;

  @Field(() => ID)
  applicationId!: string;

  @Field()
  entitlementKey!: string;

  @Field(() => AssignmentSource, { description: 'The birthright rules and policy version that would have assigned it.' })
  source!: AssignmentSource;

  @Field(() => [SodBlockingRule])
  rules!: SodBlockingRule[];

  @Field()
  blockedAt!: Date;
}
