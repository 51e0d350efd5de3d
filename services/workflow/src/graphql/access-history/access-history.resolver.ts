import { Injectable } from '@nestjs/common';
import { CallerGuard } from '@tenure/service-runtime';
import { Arg, ID, Query, Resolver } from 'type-graphql';
import { AccessHistoryQueries } from '../../application/access-history-queries';
import { HeldBasis } from './held-basis.enum';
import { toHeldAtTime } from './held-at-time.mapper';
import { HeldAtTime } from './held-at-time.type';

/** Who held an entitlement at a past instant, for administrators and auditors. */
@Injectable()
@Resolver(() => HeldAtTime)
export class AccessHistoryResolver {
  constructor(
    private readonly history: AccessHistoryQueries,
    private readonly callers: CallerGuard,
  ) {}

  @Query(() => [HeldAtTime], {
    description:
      'Who held this entitlement at `at` (administrators and auditors only), each with why and since when. ' +
      'Held (default IN_APPLICATION): from the application’s acknowledgement of the grant (inclusive) to its acknowledgement of the removal (exclusive).',
  })
  async holdersAt(
    @Arg('applicationId', () => ID) applicationId: string,
    @Arg('entitlementKey') entitlementKey: string,
    @Arg('at') at: Date,
    // Nullable rather than a schema default: the federated schema is rebuilt from SDL, which loses an enum default's internal value.
    @Arg('basis', () => HeldBasis, { nullable: true, description: 'What "held" means; null or absent: IN_APPLICATION.' })
    basis: HeldBasis | null,
  ): Promise<HeldAtTime[]> {
    this.callers.requireReader(`reading who held ${applicationId}/${entitlementKey} at a time`);
    const held = await this.history.holdersAt(applicationId, entitlementKey, at, basis ?? HeldBasis.IN_APPLICATION);
    return held.map(toHeldAtTime);
  }

  @Query(() => [HeldAtTime], {
    description:
      'Requested and break-glass access decided in [from, to), oldest first, as known now (administrators and auditors only): ' +
      'who, what, the requests with their justification and approvers, start, expiry and actual revocation.',
  })
  async justInTimeGrants(@Arg('from') from: Date, @Arg('to') to: Date): Promise<HeldAtTime[]> {
    this.callers.requireReader('reading just-in-time grants');
    return (await this.history.requestedBetween(from, to)).map(toHeldAtTime);
  }
}
