import { Field, ID, ObjectType } from 'type-graphql';
import { PageInfo } from '../shared/page-info.type';
import { Identity } from './identity.type';
import { ManualTaskStatusName, OperationActionName, OperationPriorityName } from './provisioning-enums';

@ObjectType({
  description: 'Work a person does in an application Tenure cannot reach (a manual application, or a capability its connector lacks).',
})
export class ManualTask {
  @Field(() => ID, { description: 'The same as its operation’s id.' })
  id!: string;

  @Field(() => ID)
  operationId!: string;

  @Field(() => ID)
  applicationId!: string;

  @Field(() => ID, { description: 'Empty for an account no identity matches (an orphan found by reconciliation).' })
  identityId!: string;

  @Field(() => Identity, {
    nullable: true,
    description: 'The person, with what the other subgraphs know of them; null for an account no identity matches (an orphan).',
  })
  identity!: Identity | null;

  @Field(() => OperationActionName)
  action!: OperationActionName;

  @Field(() => String, { nullable: true })
  entitlementKey!: string | null;

  @Field(() => String, { nullable: true })
  userName!: string | null;

  @Field(() => OperationPriorityName)
  priority!: OperationPriorityName;

  @Field({ description: 'The owner’s employee number: who is to do it.' })
  ownerEmployeeNumber!: string;

  @Field({ description: 'What to do, in words.' })
  instructions!: string;

  @Field()
  openedAt!: Date;

  @Field()
  dueAt!: Date;

  @Field({ description: 'Open and past due, now.' })
  overdue!: boolean;

  @Field(() => ManualTaskStatusName)
  status!: ManualTaskStatusName;

  @Field(() => Date, { nullable: true })
  completedAt!: Date | null;

  @Field(() => String, { nullable: true })
  completedBy!: string | null;

  @Field(() => String, { nullable: true })
  note!: string | null;
}

@ObjectType()
export class ManualTaskEdge {
  @Field()
  cursor!: string;

  @Field(() => ManualTask)
  node!: ManualTask;
}

@ObjectType({ description: 'A page of manual tasks, soonest due first.' })
export class ManualTaskConnection {
  @Field(() => [ManualTaskEdge])
  edges!: ManualTaskEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}
