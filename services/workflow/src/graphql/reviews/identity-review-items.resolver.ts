import { Injectable } from '@nestjs/common';
import { CallerGuard } from '@tenure/service-runtime';
import { Arg, FieldResolver, Resolver, Root } from 'type-graphql';
import { ReviewCampaigns } from '../../application/reviews/review-campaigns';
import { Identity } from '../identity/identity.type';
import { ReviewItemStatus } from './review-enums';
import { toReviewItem } from './review.mapper';
import { ReviewItem } from './review.types';

/** The person's access under review. */
@Injectable()
@Resolver(() => Identity)
export class IdentityReviewItemsResolver {
  constructor(
    private readonly campaigns: ReviewCampaigns,
    private readonly callers: CallerGuard,
  ) {}

  @FieldResolver(() => [ReviewItem], { description: 'Review items about the person’s access, newest campaign first.' })
  async reviewItems(
    @Root() identity: Identity,
    @Arg('status', () => ReviewItemStatus, { nullable: true }) status: ReviewItemStatus | null,
  ): Promise<ReviewItem[]> {
    const caller = this.callers.requireCaller('reading review items');
    return (await this.campaigns.itemsAboutAsCaller(caller, identity.id, status ?? null)).map(toReviewItem);
  }
}
