import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Application } from '../applications/application.type';
import { PageInfo } from '../shared/page-info.type';
import { DriftRemediationName, ReconciliationRunStatusName, ReconciliationTriggerName } from './reconciliation-enums';

@ObjectType({ description: 'Drift found by a run, by kind.' })
export class DriftCounts {
  @Field(() => Int)
  orphanedAccounts!: number;

  @Field(() => Int)
  grantsOutsideTenure!: number;

  @Field(() => Int)
  missingGrants!: number;

  @Field(() => Int)
  attributeDrift!: number;
}

@ObjectType({ description: 'What a run’s remediation setting did with the drift it found.' })
export class RemediationCounts {
  @Field(() => Int, { description: 'Operations requested on the target.' })
  operations!: number;

  @Field(() => Int)
  adoptions!: number;

  @Field(() => Int, { description: 'Left for an administrator.' })
  flagged!: number;

  @Field(() => Int, { description: 'Seen again, already acted on.' })
  alreadyHandled!: number;
}

@ObjectType({ description: 'Why a run failed: the target’s error kind (or internal, abandoned) and message; never a secret.' })
export class ReconciliationError {
  @Field()
  kind!: string;

  @Field()
  message!: string;
}

@ObjectType({ description: 'One reading of one application’s target, compared with the desired state.' })
export class ReconciliationRun {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  applicationId!: string;

  @Field(() => Application, { nullable: true })
  application?: Application | null;

  @Field(() => ReconciliationTriggerName)
  trigger!: ReconciliationTriggerName;

  @Field({ description: 'The administrator token’s actor, or the schedule.' })
  startedBy!: string;

  @Field(() => DriftRemediationName, { description: 'The application’s setting when the run started.' })
  remediation!: DriftRemediationName;

  @Field(() => ReconciliationRunStatusName)
  status!: ReconciliationRunStatusName;

  @Field()
  startedAt!: Date;

  @Field(() => Date, { nullable: true })
  finishedAt!: Date | null;

  @Field(() => Int, { nullable: true, description: 'Accounts the target listed; null until the run completes.' })
  accountsSeen!: number | null;

  @Field(() => Int, { nullable: true })
  grantsSeen!: number | null;

  @Field(() => Int, { description: 'Drift recorded so far (while running) or in all.' })
  driftFound!: number;

  @Field(() => DriftCounts, { nullable: true, description: 'Null until the run completes.' })
  driftByKind!: DriftCounts | null;

  @Field(() => Int, { nullable: true, description: 'Drift this run was the first to see.' })
  newDrift!: number | null;

  @Field(() => RemediationCounts, { nullable: true })
  remediationCounts!: RemediationCounts | null;

  @Field(() => [String], { description: 'Listings (accounts, grants) started over because the target’s cursor expired.' })
  listingRestarts!: string[];

  @Field(() => Int, { nullable: true })
  durationMs!: number | null;

  @Field(() => ReconciliationError, { nullable: true })
  error!: ReconciliationError | null;
}

@ObjectType()
export class ReconciliationRunEdge {
  @Field()
  cursor!: string;

  @Field(() => ReconciliationRun)
  node!: ReconciliationRun;
}

@ObjectType({ description: 'Reconciliation runs, newest first.' })
export class ReconciliationRunConnection {
  @Field(() => [ReconciliationRunEdge])
  edges!: ReconciliationRunEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}
