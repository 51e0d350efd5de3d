import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Identity } from '../identity/identity.type';
import { EntitlementRef } from '../shared/entitlement-ref.type';
import { PageInfo } from '../shared/page-info.type';

@ObjectType({ description: 'One birthright rule’s effect: assignments it would add (draft rules) or that would go (current rules).' })
export class SimulatedRuleEffect {
  @Field()
  ruleId!: string;

  @Field()
  ruleName!: string;

  @Field(() => Int)
  added!: number;

  @Field(() => Int)
  removed!: number;
}

@ObjectType({ description: 'How many identities would newly violate one separation-of-duties rule.' })
export class SimulatedViolationCount {
  @Field()
  ruleId!: string;

  @Field()
  ruleName!: string;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ description: 'An identity whose birthright would change, or who would newly violate a rule, if the draft were published.' })
export class SimulatedIdentity {
  @Field(() => ID)
  identityId!: string;

  @Field(() => Identity, { description: 'The person, with every identity field through the gateway.' })
  identity!: Identity;

  @Field()
  employeeNumber!: string;

  @Field(() => [EntitlementRef])
  added!: EntitlementRef[];

  @Field(() => [EntitlementRef])
  removed!: EntitlementRef[];

  @Field(() => [String], { description: 'Ids of the separation-of-duties rules this identity would newly violate.' })
  newViolations!: string[];
}

@ObjectType()
export class SimulatedIdentityEdge {
  @Field({ description: 'Pass as `after` to continue.' })
  cursor!: string;

  @Field(() => SimulatedIdentity)
  node!: SimulatedIdentity;
}

@ObjectType({ description: 'A page of affected identities, by employee number.' })
export class SimulatedIdentityConnection {
  @Field(() => [SimulatedIdentityEdge])
  edges!: SimulatedIdentityEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Affected identities in all pages.' })
  totalCount!: number;
}

@ObjectType({
  description: 'What publishing the draft would change, compared with the latest version, over every identity that has not left.',
})
export class PolicySimulation {
  @Field(() => Int, { nullable: true, description: 'The version compared with; null before the first publication.' })
  currentVersion!: number | null;

  @Field(() => Int, { description: 'Identities simulated.' })
  identities!: number;

  @Field(() => Int, { description: 'Birthright assignments the draft adds.' })
  added!: number;

  @Field(() => Int, { description: 'Birthright assignments the current version gives and the draft does not.' })
  removed!: number;

  @Field(() => [SimulatedRuleEffect], { description: 'Per birthright rule; an entitlement granted by two rules counts for both.' })
  perRule!: SimulatedRuleEffect[];

  @Field(() => Int, { description: 'Violations that would exist after publishing and do not exist now.' })
  newViolations!: number;

  @Field(() => [SimulatedViolationCount])
  newViolationsPerRule!: SimulatedViolationCount[];

  @Field(() => SimulatedIdentityConnection, { description: 'The identities affected, the page asked for.' })
  affected!: SimulatedIdentityConnection;
}
