import { Injectable } from '@nestjs/common';
import { CallerGuard } from '@tenure/service-runtime';
import { Arg, Int, Query, Resolver } from 'type-graphql';
import { PolicyQueries } from '../../application/policy-queries';
import { toPolicySimulation } from './simulation.mapper';
import { checkPageSize, MAX_SIMULATION_PAGE } from './simulation-page';
import { PolicySimulation } from './simulation.type';

/**
 * What-if: the draft against the latest version over every current identity. It changes nothing,
 * so it is a query; but it is for the administrators who edit the draft and costs a pass over every
 * identity, so it needs an administrator token like the edits.
 */
@Injectable()
@Resolver(() => PolicySimulation)
export class SimulationResolver {
  constructor(
    private readonly queries: PolicyQueries,
    private readonly guard: CallerGuard,
  ) {}

  @Query(() => PolicySimulation, {
    description: `What publishing the draft would change, counted whole; the affected identities a page at a time (at most ${MAX_SIMULATION_PAGE} per page). Needs Authorization: Bearer <administrator token>.`,
  })
  async simulatePolicyDraft(
    @Arg('first', () => Int, { defaultValue: 20, description: 'Affected identities per page.' }) first: number,
    @Arg('after', () => String, { nullable: true, description: 'An endCursor of affected: continue after it.' })
    after: string | null | undefined,
  ): Promise<PolicySimulation> {
    this.guard.requireReader('simulatePolicyDraft');
    checkPageSize(first);
    return toPolicySimulation(await this.queries.simulateDraft(), first, after ?? null);
  }
}
