import { Injectable } from '@nestjs/common';
import { CallerGuard } from '@tenure/service-runtime';
import { Arg, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ReviewCampaigns } from '../../application/reviews/review-campaigns';
import { ReviewCampaignStatus, ReviewItemStatus } from './review-enums';
import { DecideReviewItemInput, StartReviewCampaignInput } from './review.inputs';
import { toAdministeredScope, toDecisionOutcome, toEvidenceEntry, toReviewCampaign, toReviewItem } from './review.mapper';
import { ReviewCampaign, ReviewDecisionOutcome, ReviewEvidenceEntry, ReviewItem } from './review.types';

const MAX_FIRST = 500;

/** Access reviews: administrators start campaigns; reviewers decide their items (who may decide what is the campaign's business). */
@Injectable()
@Resolver(() => ReviewCampaign)
export class ReviewCampaignResolver {
  constructor(
    private readonly campaigns: ReviewCampaigns,
    private readonly callers: CallerGuard,
  ) {}

  @Query(() => [ReviewCampaign], {
    description: 'Review campaigns, newest first (administrators; reviewers see their items with myReviewItems).',
  })
  async reviewCampaigns(
    @Arg('status', () => ReviewCampaignStatus, { nullable: true }) status: ReviewCampaignStatus | null,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
  ): Promise<ReviewCampaign[]> {
    this.callers.requireReader('listing review campaigns');
    const views = await this.campaigns.campaigns({ status: status ?? null, first: Math.min(Math.max(first, 0), MAX_FIRST) });
    return views.map(toReviewCampaign);
  }

  @Query(() => ReviewCampaign, { nullable: true })
  async reviewCampaign(@Arg('id', () => ID) id: string): Promise<ReviewCampaign | null> {
    this.callers.requireReader('reading a review campaign');
    const view = await this.campaigns.campaign(id);
    return view ? toReviewCampaign(view) : null;
  }

  @Query(() => [ReviewItem], { description: 'The items the caller owes (for an administrator: the items owed to the administrators).' })
  async myReviewItems(@Arg('status', () => ReviewItemStatus, { nullable: true }) status: ReviewItemStatus | null): Promise<ReviewItem[]> {
    const caller = this.callers.requireCaller('listing review items');
    return (await this.campaigns.itemsOwedBy(caller, status ?? null)).map(toReviewItem);
  }

  @FieldResolver(() => [ReviewItem], { description: 'The campaign’s items in campaign order.' })
  async items(
    @Root() campaign: ReviewCampaign,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('status', () => ReviewItemStatus, { nullable: true }) status: ReviewItemStatus | null,
  ): Promise<ReviewItem[]> {
    return (await this.campaigns.items(campaign.id, { status: status ?? null, first: first ?? null })).map(toReviewItem);
  }

  @FieldResolver(() => [ReviewEvidenceEntry], { description: 'Everything recorded about the campaign, in order, with who and when.' })
  async evidence(@Root() campaign: ReviewCampaign): Promise<ReviewEvidenceEntry[]> {
    return (await this.campaigns.evidence(campaign.id)).map(toEvidenceEntry);
  }

  @Mutation(() => ReviewCampaign, { description: 'Administrators: start a campaign over what the scope holds now (refused when empty).' })
  async startReviewCampaign(@Arg('input', () => StartReviewCampaignInput) input: StartReviewCampaignInput): Promise<ReviewCampaign> {
    // Who may start one is settled before the input is looked at: a refusal must not depend on a well-formed scope.
    this.callers.requireAdministrator('starting a review campaign');
    const caller = this.callers.requireCaller('starting a review campaign');
    const view = await this.campaigns.start(caller, {
      name: input.name,
      scope: toAdministeredScope(input),
      reviewer: input.reviewer,
      deadline: input.deadline ?? null,
      defaultAction: input.defaultAction ?? null,
      reminderHours: input.reminderHours ?? null,
    });
    return toReviewCampaign(view);
  }

  @Mutation(() => ReviewItem, { description: 'Keep or revoke one item (a comment is required to revoke); decisions are final.' })
  async decideReviewItem(@Arg('input', () => DecideReviewItemInput) input: DecideReviewItemInput): Promise<ReviewItem> {
    const caller = this.callers.requireCaller('deciding a review item');
    return toReviewItem(await this.campaigns.decide(caller, input));
  }

  @Mutation(() => [ReviewDecisionOutcome], { description: 'Several decisions at once; each is decided or refused on its own.' })
  async decideReviewItems(@Arg('inputs', () => [DecideReviewItemInput]) inputs: DecideReviewItemInput[]): Promise<ReviewDecisionOutcome[]> {
    const caller = this.callers.requireCaller('deciding review items');
    return (await this.campaigns.decideMany(caller, inputs)).map(toDecisionOutcome);
  }
}
