import { Field, Int, ObjectType } from 'type-graphql';
import type { PolicySet } from '../policy-set/policy-set.type';

@ObjectType({ description: 'A published, immutable policy; every decision names the version it used.' })
export class PolicyVersion {
  @Field(() => Int, { description: '1, 2, 3... in publishing order.' })
  version!: number;

  @Field()
  publishedAt!: Date;

  @Field()
  publishedBy!: string;

  @Field()
  note!: string;

  /** Set when the version was read whole; otherwise the `policy` field loads it. */
  policy?: PolicySet;
}
