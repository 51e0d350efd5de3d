import { Inject, Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { DomainError } from '@tenure/event-sourcing';
import type { PostgresEventStore } from '@tenure/event-store-postgres';
import { CallerGuard, EVENT_STORE } from '@tenure/service-runtime';
import { Arg, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { IdentityBackground } from '../../application/identity-background';
import { FeedChangeGuard, findHrFeedHold, heldChangesOf, listHrFeedHolds } from '../../hr-inputs/feed-guard';
import { toHrFeedHold } from './hr-feed-hold.mapper';
import { HrFeedHold, HrFeedHoldStatus } from './hr-feed-hold.type';

const MAX_HOLDS = 100;

/** Held bursts of the live HR feeds: listed for administrators, confirmed or discarded with an administrator token. */
@Injectable()
@Resolver(() => HrFeedHold)
export class HrFeedHoldsResolver {
  constructor(
    @Inject(EVENT_STORE) private readonly store: PostgresEventStore,
    private readonly admin: CallerGuard,
    private readonly moduleRef: ModuleRef,
  ) {}

  // The guard and the background are the application module's, which imports this one: looked up when needed.
  private get guard(): FeedChangeGuard {
    return this.moduleRef.get(FeedChangeGuard, { strict: false });
  }

  private get background(): IdentityBackground {
    return this.moduleRef.get(IdentityBackground, { strict: false });
  }

  @Query(() => [HrFeedHold], { description: 'Held bursts of the SCIM and webhook feeds, newest first (HELD ones wait for a decision).' })
  async hrFeedHolds(
    @Arg('status', () => HrFeedHoldStatus, { nullable: true }) status: HrFeedHoldStatus | null,
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
  ): Promise<HrFeedHold[]> {
    this.admin.requireReader('hrFeedHolds');
    if (first < 1 || first > MAX_HOLDS) {
      throw new DomainError('validation', `first must be between 1 and ${MAX_HOLDS}, got ${first}`, { field: 'first', max: MAX_HOLDS });
    }
    await this.background.directoryCaughtUp();
    const rows = await listHrFeedHolds(this.store.pool, { limit: first, ...(status ? { status } : {}) });
    return Promise.all(rows.map(async (row) => toHrFeedHold(row, await heldChangesOf(this.store.pool, row.hold_id))));
  }

  @Query(() => HrFeedHold, { nullable: true })
  async hrFeedHold(@Arg('id', () => ID) id: string): Promise<HrFeedHold | null> {
    this.admin.requireReader('hrFeedHold');
    await this.background.directoryCaughtUp();
    return this.holdById(id);
  }

  @Mutation(() => HrFeedHold, {
    description: 'Applies every change of a HELD burst, in the order received. Needs Authorization: Bearer <administrator token>.',
  })
  async confirmHrFeedHold(@Arg('id', () => ID) id: string): Promise<HrFeedHold> {
    const actor = this.admin.requireAdministrator('confirmHrFeedHold');
    await this.guard.confirm(id, actor);
    return this.afterChange(id);
  }

  @Mutation(() => HrFeedHold, {
    description: 'Drops a HELD burst: none of its changes is applied. Needs Authorization: Bearer <administrator token>.',
  })
  async discardHrFeedHold(@Arg('id', () => ID) id: string, @Arg('reason', () => String) reason: string): Promise<HrFeedHold> {
    const actor = this.admin.requireAdministrator('discardHrFeedHold');
    await this.guard.discard(id, actor, reason);
    return this.afterChange(id);
  }

  private async afterChange(id: string): Promise<HrFeedHold> {
    await this.background.directoryCaughtUp();
    const hold = await this.holdById(id);
    if (!hold) throw new DomainError('not_found', `held burst ${id} is not in the read model after its change`, { holdId: id });
    return hold;
  }

  private async holdById(id: string): Promise<HrFeedHold | null> {
    const row = await findHrFeedHold(this.store.pool, id);
    return row ? toHrFeedHold(row, await heldChangesOf(this.store.pool, id)) : null;
  }
}
