import { Field, ID, ObjectType } from 'type-graphql';
import { SodExceptionStatus } from '../shared/policy-enums';

@ObjectType({ description: 'An approved, time-bound waiver of one separation-of-duties rule for one identity.' })
export class SodException {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  ruleId!: string;

  @Field(() => ID)
  identityId!: string;

  @Field({ description: 'Who granted it.' })
  approvedBy!: string;

  @Field()
  reason!: string;

  @Field({ description: 'It no longer applies from this instant on.' })
  validUntil!: Date;

  @Field(() => SodExceptionStatus)
  status!: SodExceptionStatus;
}
