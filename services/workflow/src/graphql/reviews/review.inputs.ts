import { Field, ID, InputType, Int } from 'type-graphql';
import { ReviewDecision, ReviewDefaultAction, ReviewerRule, ReviewScopeKind } from './review-enums';

@InputType({ description: 'A campaign over an application, an entitlement or a manager’s organisation.' })
export class StartReviewCampaignInput {
  @Field()
  name!: string;

  @Field(() => ReviewScopeKind, { description: 'APPLICATION, ENTITLEMENT or MANAGER (mover and break-glass reviews open themselves).' })
  scopeKind!: ReviewScopeKind;

  @Field(() => ID, { nullable: true, description: 'For APPLICATION and ENTITLEMENT.' })
  applicationId?: string | null;

  @Field(() => String, { nullable: true, description: 'For ENTITLEMENT.' })
  entitlementKey?: string | null;

  @Field(() => String, { nullable: true, description: 'For MANAGER: the manager whose reports (direct and indirect) are reviewed.' })
  managerEmployeeNumber?: string | null;

  @Field(() => ReviewerRule)
  reviewer!: ReviewerRule;

  @Field(() => Date, { nullable: true, description: 'Default: two weeks from now.' })
  deadline?: Date | null;

  @Field(() => ReviewDefaultAction, { nullable: true, description: 'Default: REVOKE.' })
  defaultAction?: ReviewDefaultAction | null;

  @Field(() => Int, { nullable: true, description: 'Hours between reminders; default WORKFLOW_REVIEW_REMINDER_HOURS (24).' })
  reminderHours?: number | null;
}

@InputType()
export class DecideReviewItemInput {
  @Field(() => ID)
  itemId!: string;

  @Field(() => ID, { nullable: true })
  campaignId?: string | null;

  @Field(() => ReviewDecision)
  decision!: ReviewDecision;

  @Field(() => String, { nullable: true, description: 'Required to revoke.' })
  comment?: string | null;
}
