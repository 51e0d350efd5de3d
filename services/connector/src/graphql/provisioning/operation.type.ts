import { Field, ID, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '../shared/page-info.type';
import { Identity } from './identity.type';
import { OperationActionName, OperationCauseKindName, OperationPriorityName, OperationStatusName } from './provisioning-enums';

@ObjectType({ description: 'What caused an operation: follow the reference (an assignment id, a termination event id, a drift id).' })
export class OperationCause {
  @Field(() => OperationCauseKindName)
  kind!: OperationCauseKindName;

  @Field()
  reference!: string;
}

@ObjectType({
  description:
    'Why the last attempt failed. `kind` is a connector error kind, or what was missing (identity-unknown, application-not-registered, configuration).',
})
export class OperationError {
  @Field()
  kind!: string;

  @Field()
  message!: string;

  @Field()
  at!: Date;
}

@ObjectType({ description: 'One change Tenure asks of one target, from its request to its outcome.' })
export class Operation {
  @Field(() => ID, { description: 'The idempotency key, derived from the cause (e.g. grant.<assignment id>).' })
  id!: string;

  @Field(() => OperationActionName)
  action!: OperationActionName;

  @Field(() => ID)
  applicationId!: string;

  @Field(() => ID, { description: 'Empty for an account no identity matches (an orphan found by reconciliation).' })
  identityId!: string;

  @Field(() => Identity, {
    nullable: true,
    description: 'The person, with what the other subgraphs know of them; null for an account no identity matches (an orphan).',
  })
  identity!: Identity | null;

  @Field(() => ID, { nullable: true })
  assignmentId!: string | null;

  @Field(() => String, { nullable: true })
  entitlementKey!: string | null;

  @Field(() => String, { nullable: true, description: 'The account’s name in the target, once known.' })
  userName!: string | null;

  @Field(() => OperationPriorityName)
  priority!: OperationPriorityName;

  @Field(() => OperationCause)
  cause!: OperationCause;

  @Field(() => OperationStatusName)
  status!: OperationStatusName;

  @Field(() => Int, { description: 'Failed attempts since the request or the last administrator retry.' })
  attempts!: number;

  @Field(() => Date, { nullable: true, description: 'When a retrying operation runs again.' })
  nextAttemptAt!: Date | null;

  @Field(() => OperationError, { nullable: true })
  lastError!: OperationError | null;

  @Field()
  requestedAt!: Date;

  @Field(() => Date, { nullable: true })
  completedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'connector, or manual-task.' })
  completedVia!: string | null;

  @Field(() => String, { nullable: true, description: 'Who completed its manual task.' })
  completedBy!: string | null;

  @Field(() => String, { nullable: true, description: 'What the person wrote when completing its manual task.' })
  note!: string | null;

  @Field(() => String, { nullable: true })
  dismissedBy!: string | null;

  @Field(() => String, { nullable: true })
  dismissReason!: string | null;

  @Field()
  updatedAt!: Date;
}

@ObjectType()
export class OperationEdge {
  @Field()
  cursor!: string;

  @Field(() => Operation)
  node!: Operation;
}

@ObjectType({ description: 'A page of operations, newest request first.' })
export class OperationConnection {
  @Field(() => [OperationEdge])
  edges!: OperationEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}
