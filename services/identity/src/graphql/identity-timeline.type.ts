import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PageInfo } from './page-info.type';

export enum IdentityLifecycle {
  JOINER = 'joiner',
  MOVER = 'mover',
  LEAVER = 'leaver',
  UPDATE = 'update',
}

registerEnumType(IdentityLifecycle, {
  name: 'IdentityLifecycle',
  description: 'How a change was classified when it was recorded: joiner, mover, leaver, or another update.',
});

@ObjectType({ description: 'Who caused a recorded change.' })
export class IdentityEventActor {
  @Field({ description: 'person, service, hr-feed or system.' })
  kind!: string;

  @Field()
  id!: string;
}

@ObjectType({ description: 'The HR input that carried a change.' })
export class IdentityEventSource {
  @Field({ description: 'scim, csv, webhook, admin, timer or demo.' })
  kind!: string;

  @Field({ description: 'The import run, SCIM request or webhook event id.' })
  reference!: string;
}

@ObjectType({ description: 'One attribute before and after a change; custom attributes appear as `custom.<name>`.' })
export class IdentityAttributeChange {
  @Field()
  attribute!: string;

  @Field(() => String, { nullable: true })
  before!: string | null;

  @Field(() => String, { nullable: true })
  after!: string | null;
}

@ObjectType({ description: 'One recorded event in an identity’s history.' })
export class IdentityTimelineEntry {
  @Field(() => Int, { description: 'Position in the identity’s event stream, from 0.' })
  revision!: number;

  @Field({ description: 'The event type, e.g. IdentityMoved.' })
  type!: string;

  @Field(() => IdentityLifecycle, { nullable: true })
  lifecycle!: IdentityLifecycle | null;

  @Field({ description: 'When the change happened in the domain.' })
  occurredAt!: Date;

  @Field({ description: 'When the event store committed it.' })
  recordedAt!: Date;

  @Field(() => IdentityEventActor)
  actor!: IdentityEventActor;

  @Field(() => IdentityEventSource, { nullable: true })
  source!: IdentityEventSource | null;

  @Field(() => String, { nullable: true, description: 'The date the change takes or took effect (ISO date), when it has one.' })
  effectiveDate!: string | null;

  @Field(() => String, { nullable: true })
  reason!: string | null;

  @Field({ description: 'The change in one line, e.g. "Moved: department Engineering → Sales".' })
  summary!: string;

  @Field(() => [IdentityAttributeChange], { description: 'Before/after pairs of a move or update; empty for other events.' })
  changes!: IdentityAttributeChange[];
}

@ObjectType()
export class IdentityTimelineEdge {
  @Field()
  cursor!: string;

  @Field(() => IdentityTimelineEntry)
  node!: IdentityTimelineEntry;
}

@ObjectType({ description: 'A page of an identity’s history, oldest first.' })
export class IdentityTimelineConnection {
  @Field(() => [IdentityTimelineEdge])
  edges!: IdentityTimelineEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}
