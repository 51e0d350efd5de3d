import { Injectable } from '@nestjs/common';
import { CallerGuard } from '@tenure/service-runtime';
import { Arg, Int, Query, Resolver } from 'type-graphql';
import { BlockedAssignments } from '../../application/sod/blocked-assignments';
import type { AssignmentSourceKind } from '../assignments/assignment-enums';
import { BlockedAssignment } from './blocked-assignment.type';

const MAX_FIRST = 500;

/** Birthright additions SoD refused, for administrators to resolve. */
@Injectable()
@Resolver(() => BlockedAssignment)
export class BlockedAssignmentsResolver {
  constructor(
    private readonly blocked: BlockedAssignments,
    private readonly callers: CallerGuard,
  ) {}

  @Query(() => [BlockedAssignment], {
    description: 'Birthright entitlements blocking SoD rules kept from being assigned, newest first (administrators only).',
  })
  async blockedAssignments(
    @Arg('first', () => Int, { defaultValue: 50, description: `At most this many (up to ${MAX_FIRST}).` }) first: number,
  ): Promise<BlockedAssignment[]> {
    this.callers.requireReader('listing blocked assignments');
    const views = await this.blocked.open(Math.min(Math.max(first, 0), MAX_FIRST));
    return views.map((view) => ({
      ...view,
      source: { ...view.source, kind: view.source.kind as AssignmentSourceKind },
      rules: [...view.rules],
    }));
  }
}
