import { Module } from '@nestjs/common';
import { HrFeedHoldsResolver } from './hr-feed-holds.resolver';

/** Add these to the service's subgraph definition. */
export const hrFeedHoldsGraphqlResolvers = [HrFeedHoldsResolver] as const;

/** Held bursts of the live HR feeds in the identity subgraph; the guard, background and admin check come from the application. */
@Module({ providers: [...hrFeedHoldsGraphqlResolvers] })
export class HrFeedHoldsGraphqlModule {}
