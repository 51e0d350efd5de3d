import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Application } from '../applications/application.type';
import { PageInfo } from '../shared/page-info.type';
import { DriftKindName, DriftStatusName } from './reconciliation-enums';

@ObjectType({ description: 'An attribute the target holds otherwise than HR.' })
export class AttributeDifference {
  @Field({ description: '"displayName" or "email".' })
  attribute!: string;

  @Field({ description: 'What the identity says.' })
  expected!: string;

  @Field(() => String, { nullable: true })
  actual!: string | null;
}

@ObjectType({
  description:
    'A difference between a target and what Tenure knows and wants. Its id is stable: the same difference found by the next run is the same drift.',
})
export class Drift {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  applicationId!: string;

  @Field(() => Application, { nullable: true })
  application?: Application | null;

  @Field(() => DriftKindName)
  kind!: DriftKindName;

  @Field(() => DriftStatusName)
  status!: DriftStatusName;

  @Field({ description: 'The account in the target.' })
  userName!: string;

  @Field(() => String, { nullable: true, description: 'The entitlement, for grant drift.' })
  entitlementKey!: string | null;

  @Field(() => ID, { nullable: true, description: 'The identity the account belongs to; null for an account nobody owns.' })
  identityId!: string | null;

  @Field(() => String, { nullable: true })
  employeeNumber!: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Null when the target has no account (a missing grant).' })
  accountEnabled!: boolean | null;

  @Field(() => ID, { nullable: true, description: 'The assignment a missing grant is owed to.' })
  assignmentId!: string | null;

  @Field({ description: 'Why it is drift, in words.' })
  reason!: string;

  @Field(() => [AttributeDifference])
  differences!: AttributeDifference[];

  @Field(() => Int, { description: '1 the first time; one more each time it comes back after being gone.' })
  occurrence!: number;

  @Field({ description: 'When this occurrence was first found.' })
  firstSeenAt!: Date;

  @Field(() => ID, { description: 'The run that found this occurrence.' })
  detectedInRunId!: string;

  @Field()
  lastSeenAt!: Date;

  @Field(() => ID)
  lastSeenInRunId!: string;

  @Field(() => Date, { nullable: true, description: 'When a run no longer found it.' })
  goneAt!: Date | null;

  @Field({ description: 'What the application’s remediation setting decided, e.g. "revoke" or "flagged: …".' })
  policyDecision!: string;

  @Field(() => String, { nullable: true, description: '"policy" or "administrator", once something was decided.' })
  decidedBy!: string | null;

  @Field(() => Date, { nullable: true })
  decidedAt!: Date | null;

  @Field(() => String, { nullable: true })
  comment!: string | null;

  @Field(() => ID, { nullable: true, description: 'The provisioning operation that remediates it.' })
  operationId!: string | null;

  @Field(() => String, { nullable: true, description: 'Why that operation failed or was dismissed.' })
  remediationError!: string | null;
}

@ObjectType()
export class DriftEdge {
  @Field()
  cursor!: string;

  @Field(() => Drift)
  node!: Drift;
}

@ObjectType({ description: 'Drift by application, account, kind and entitlement.' })
export class DriftConnection {
  @Field(() => [DriftEdge])
  edges!: DriftEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}
