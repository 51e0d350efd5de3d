import { GraphQLJSON } from 'graphql-scalars';
import { Field, ObjectType } from 'type-graphql';
import { AccessPolicy, ApproverGroup, BirthrightRule, Role, SodRule } from './policy-items.type';

@ObjectType({ description: 'The whole policy: roles, birthright rules, separation-of-duties rules, access policies and approver groups.' })
export class PolicySet {
  @Field(() => [Role])
  roles!: Role[];

  @Field(() => [BirthrightRule])
  birthrightRules!: BirthrightRule[];

  @Field(() => [SodRule])
  sodRules!: SodRule[];

  @Field(() => [AccessPolicy])
  accessPolicies!: AccessPolicy[];

  @Field(() => [ApproverGroup])
  approverGroups!: ApproverGroup[];

  @Field(() => GraphQLJSON, { description: 'The same policy as one JSON document, as replacePolicyDraft accepts it.' })
  document!: unknown;
}
