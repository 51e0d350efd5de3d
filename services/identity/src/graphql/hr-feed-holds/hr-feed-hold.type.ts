import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

/** GraphQL names for a held burst's statuses; the values are what the hr_feed_holds read model stores. */
export enum HrFeedHoldStatus {
  HELD = 'held',
  CONFIRMED = 'confirmed',
  DISCARDED = 'discarded',
  APPLIED = 'applied',
}

registerEnumType(HrFeedHoldStatus, {
  name: 'HrFeedHoldStatus',
  description:
    'HELD: waits for an administrator (confirmHrFeedHold / discardHrFeedHold); CONFIRMED: being applied; ' +
    'DISCARDED: dropped, none applied; APPLIED: every held change went through the identities (see failures).',
});

export enum HrFeedChannel {
  SCIM = 'scim',
  WEBHOOK = 'webhook',
}

registerEnumType(HrFeedChannel, { name: 'HrFeedChannel', description: 'The live HR feed a burst came from.' });

@ObjectType({ description: 'One change kept in a held burst, in the order received.' })
export class HeldHrFeedChange {
  @Field()
  employeeNumber!: string;

  @Field({ description: 'What the feed asked, e.g. "terminate on 2026-11-25 (SCIM DELETE / active:false)".' })
  description!: string;

  @Field(() => [String], { description: 'terminations and/or moves; empty when held only behind an earlier change of the same person.' })
  kinds!: string[];

  @Field({ description: 'The SCIM request or webhook event id that carried it.' })
  correlationId!: string;

  @Field()
  receivedAt!: Date;
}

@ObjectType({ description: 'A change an identity refused when a confirmed burst was applied.' })
export class HrFeedHoldFailure {
  @Field()
  employeeNumber!: string;

  @Field()
  code!: string;

  @Field()
  error!: string;
}

@ObjectType({
  description:
    'A burst of terminations or moves from a live HR feed (SCIM or webhook) that the mass-change guard held: ' +
    'nothing of it is applied until an administrator confirms it.',
})
export class HrFeedHold {
  @Field(() => ID)
  id!: string;

  @Field(() => HrFeedChannel)
  channel!: HrFeedChannel;

  @Field(() => HrFeedHoldStatus)
  status!: HrFeedHoldStatus;

  @Field(() => [String], { description: 'The limits the burst went over, with the numbers.' })
  reasons!: string[];

  @Field(() => Int, { description: 'Identities (not terminated) when the burst was held.' })
  population!: number;

  @Field({ description: 'Changes of the channel since this instant were counted.' })
  windowStart!: Date;

  @Field()
  heldAt!: Date;

  @Field(() => Int)
  changeCount!: number;

  @Field(() => String, { nullable: true, description: 'Who confirmed or discarded it.' })
  decidedBy!: string | null;

  @Field(() => Date, { nullable: true })
  decidedAt!: Date | null;

  @Field(() => String, { nullable: true })
  discardReason!: string | null;

  @Field(() => Int, { nullable: true, description: 'Changes applied after the confirmation.' })
  applied!: number | null;

  @Field(() => [HrFeedHoldFailure], { description: 'Held changes an identity refused when applied.' })
  failures!: HrFeedHoldFailure[];

  @Field(() => [HeldHrFeedChange])
  changes!: HeldHrFeedChange[];
}
