import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'Open violations of one separation-of-duties rule.' })
export class SodRuleViolations {
  @Field()
  ruleId!: string;

  @Field()
  ruleName!: string;

  @Field(() => Int)
  violations!: number;

  @Field(() => Int)
  identities!: number;
}

@ObjectType({ description: 'Open separation-of-duties violations: detected and not waived by an exception (the list: sodViolations).' })
export class OpenSodViolationsReport {
  @Field(() => Int, { description: 'Violations (one per identity and rule).' })
  total!: number;

  @Field(() => Int, { description: 'Identities with at least one.' })
  identities!: number;

  @Field(() => [SodRuleViolations])
  byRule!: SodRuleViolations[];
}
