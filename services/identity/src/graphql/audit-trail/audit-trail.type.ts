import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PageInfo } from '../page-info.type';

export enum AuditContext {
  IDENTITY = 'identity',
  POLICY = 'policy',
  WORKFLOW = 'workflow',
  CONNECTOR = 'connector',
  PLATFORM = 'platform',
}

registerEnumType(AuditContext, { name: 'AuditContext', description: 'The bounded context that recorded an event (from its stream).' });

export enum AuditActorKind {
  PERSON = 'person',
  ADMINISTRATOR_TOKEN = 'administrator-token',
  SERVICE = 'service',
  HR_FEED = 'hr-feed',
  SYSTEM = 'system',
}

registerEnumType(AuditActorKind, {
  name: 'AuditActorKind',
  description:
    'Who caused an event: a signed-in person, the administrator API token, a service, an HR feed, or the platform itself (timers).',
});

@ObjectType({ description: 'Who caused an event.' })
export class AuditActor {
  @Field(() => AuditActorKind)
  kind!: AuditActorKind;

  @Field({ description: 'Employee number of a person; the service, feed or timer name otherwise.' })
  id!: string;

  @Field(() => String, { nullable: true, description: 'The person’s name from the directory; null for other actors or unknown people.' })
  name!: string | null;
}

@ObjectType({ description: 'One step back in an event’s chain of causes.' })
export class AuditCause {
  @Field(() => ID)
  eventId!: string;

  @Field()
  type!: string;

  @Field(() => AuditContext)
  context!: AuditContext;

  @Field()
  occurredAt!: Date;

  @Field()
  summary!: string;

  @Field(() => AuditActor)
  actor!: AuditActor;
}

@ObjectType({ description: 'One event in an identity’s, application’s or entitlement’s history, with who, why and what caused it.' })
export class AuditTrailEntry {
  @Field(() => ID)
  eventId!: string;

  @Field({ description: 'The stream the event belongs to, e.g. assignments-<identityId>.' })
  streamId!: string;

  @Field({ description: 'The event type, e.g. AssignmentRevoked.' })
  type!: string;

  @Field(() => AuditContext)
  context!: AuditContext;

  @Field({ description: 'When it happened in the domain.' })
  occurredAt!: Date;

  @Field({ description: 'When the event store committed it.' })
  recordedAt!: Date;

  @Field({ description: 'What happened, in one line.' })
  summary!: string;

  @Field(() => AuditActor)
  actor!: AuditActor;

  @Field(() => String, { nullable: true, description: 'The reason, comment or justification the event records; null when it gives none.' })
  reason!: string | null;

  @Field(() => Int, { nullable: true, description: 'The published policy version the event (or its recorded source) was decided under.' })
  policyVersion!: number | null;

  @Field({ description: 'Shared by every event of one business transaction.' })
  correlationId!: string;

  @Field(() => [AuditCause], {
    description: 'The chain of causes through metadata.causationId, the direct cause first, at most 10 steps.',
  })
  causedBy!: AuditCause[];

  @Field(() => String, {
    nullable: true,
    description: 'Where the chain leaves the log: a causation id that names no event (an HR import run, a SCIM request, a command).',
  })
  unresolvedCauseId!: string | null;

  @Field({ description: 'True when the chain goes on beyond the steps listed.' })
  causeChainTruncated!: boolean;
}

@ObjectType()
export class AuditTrailEdge {
  @Field()
  cursor!: string;

  @Field(() => AuditTrailEntry)
  node!: AuditTrailEntry;
}

@ObjectType({ description: 'A page of an audit trail, newest first.' })
export class AuditTrailConnection {
  @Field(() => [AuditTrailEdge])
  edges!: AuditTrailEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}
