import { Field, ID, Int, ObjectType } from 'type-graphql';
import { AssignmentSource } from '../assignments/assignment.type';
import {
  ReviewCampaignStatus,
  ReviewDecision,
  ReviewDefaultAction,
  ReviewerKind,
  ReviewerRule,
  ReviewItemStatus,
  ReviewScopeKind,
} from './review-enums';

@ObjectType({ description: 'Who owes a review item.' })
export class ReviewerRef {
  @Field(() => ReviewerKind)
  kind!: ReviewerKind;

  @Field(() => String, { nullable: true, description: 'The reviewer’s employee number; null for the administrators.' })
  employeeNumber!: string | null;
}

@ObjectType({ description: 'Where a campaign stands.' })
export class ReviewProgress {
  @Field(() => Int)
  total!: number;

  @Field(() => Int, { description: 'Decided by a reviewer (kept + revoked).' })
  decided!: number;

  @Field(() => Int)
  kept!: number;

  @Field(() => Int)
  revoked!: number;

  @Field(() => Int, { description: 'Took the default action at the deadline.' })
  defaulted!: number;

  @Field(() => Int, { description: 'Closed without a decision because their person left.' })
  withdrawn!: number;

  @Field(() => Int)
  pending!: number;
}

@ObjectType({ description: 'One held assignment under review, with its decision: the evidence of who decided what, when and why.' })
export class ReviewItem {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  campaignId!: string;

  @Field(() => ID)
  assignmentId!: string;

  @Field(() => ID)
  identityId!: string;

  @Field()
  employeeNumber!: string;

  @Field(() => ID)
  applicationId!: string;

  @Field()
  entitlementKey!: string;

  @Field(() => AssignmentSource)
  source!: AssignmentSource;

  @Field(() => ReviewerRef)
  reviewer!: ReviewerRef;

  @Field(() => ReviewItemStatus)
  status!: ReviewItemStatus;

  @Field(() => ReviewDecision, { nullable: true, description: 'Set once decided, or defaulted (the default action).' })
  decision!: ReviewDecision | null;

  @Field(() => String, { nullable: true })
  comment!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The reviewer’s employee number, or the administrator actor; null when defaulted or withdrawn.',
  })
  decidedBy!: string | null;

  @Field(() => Date, { nullable: true })
  decidedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Who owed the item before it was reassigned (a reviewer who left).' })
  reassignedFrom!: string | null;
}

@ObjectType({ description: 'An access review campaign.' })
export class ReviewCampaign {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => ReviewScopeKind)
  scopeKind!: ReviewScopeKind;

  @Field({
    description: 'The application id, "application/entitlement", the manager’s employee number, the moved identity id, or the request id.',
  })
  scopeTarget!: string;

  @Field(() => ReviewerRule)
  reviewerRule!: ReviewerRule;

  @Field(() => ReviewCampaignStatus)
  status!: ReviewCampaignStatus;

  @Field()
  startedBy!: string;

  @Field()
  startedAt!: Date;

  @Field()
  deadline!: Date;

  @Field(() => Date, { nullable: true })
  closedAt!: Date | null;

  @Field(() => ReviewDefaultAction)
  defaultAction!: ReviewDefaultAction;

  @Field(() => Int, { description: 'Reminders recorded so far.' })
  remindersSent!: number;

  @Field(() => ReviewProgress)
  progress!: ReviewProgress;
}

@ObjectType({ description: 'One fact of a campaign’s history, as recorded: what happened, when, by whom.' })
export class ReviewEvidenceEntry {
  @Field({
    description:
      'The event: ReviewCampaignStarted, ReviewItemDecided, ReviewItemReassigned, ReviewItemWithdrawn, ReviewRemindersSent, ReviewCampaignClosed.',
  })
  type!: string;

  @Field()
  occurredAt!: Date;

  @Field({ description: 'person, service, system...' })
  actorKind!: string;

  @Field()
  actorId!: string;

  @Field(() => ID, { nullable: true })
  itemId!: string | null;

  @Field(() => ReviewDecision, { nullable: true })
  decision!: ReviewDecision | null;

  @Field(() => String, { nullable: true })
  comment!: string | null;
}

@ObjectType({ description: 'What happened to one decision of a bulk request.' })
export class ReviewDecisionOutcome {
  @Field(() => ID)
  itemId!: string;

  @Field()
  decided!: boolean;

  @Field(() => String, { nullable: true, description: 'The refusal’s code (forbidden, validation, illegal_state, not_found).' })
  errorCode!: string | null;

  @Field(() => String, { nullable: true })
  errorMessage!: string | null;
}
