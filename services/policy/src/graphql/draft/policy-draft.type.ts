import { Field, Int, ObjectType } from 'type-graphql';
import { PolicySet } from '../policy-set/policy-set.type';

@ObjectType({ description: 'The policy administrators edit; publishPolicyDraft makes it the next version.' })
export class PolicyDraft {
  @Field(() => PolicySet)
  policy!: PolicySet;

  @Field(() => Int, { nullable: true, description: 'The version the draft started from; null before the first publication.' })
  basedOnVersion!: number | null;

  @Field({ description: 'Whether the draft differs from that version (an edit undone by another is no change).' })
  changed!: boolean;

  @Field(() => Date, { nullable: true, description: 'The latest edit since that version (or since a discard); null when untouched.' })
  changedAt!: Date | null;

  @Field(() => String, { nullable: true })
  changedBy!: string | null;
}
