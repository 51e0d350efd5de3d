import { Injectable } from '@nestjs/common';
import { CallerGuard } from '@tenure/service-runtime';
import { Arg, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { JmlRunQueries } from '../../application/provisioning/jml-run-queries';
import { JmlRunApplication } from './jml-run-application.type';
import { JmlRunKind, JmlRunStatus } from './jml-run-enums';
import { toJmlRun, toJmlRunApplication } from './jml-run.mapper';
import { JmlRun } from './jml-run.type';

export const MAX_JML_RUNS = 500;

/** Joiner, mover and leaver runs with their timings, for administrators. */
@Injectable()
@Resolver(() => JmlRun)
export class JmlRunsResolver {
  constructor(
    private readonly runs: JmlRunQueries,
    private readonly callers: CallerGuard,
  ) {}

  @Query(() => [JmlRun], {
    description: 'JML runs, newest first (administrators only): time to revoke per leaver, ready on day one per joiner.',
  })
  async jmlRuns(
    @Arg('kind', () => JmlRunKind, { nullable: true }) kind: JmlRunKind | null,
    @Arg('status', () => JmlRunStatus, { nullable: true }) status: JmlRunStatus | null,
    @Arg('first', () => Int, { defaultValue: 50, description: `At most this many (up to ${MAX_JML_RUNS}).` }) first: number,
  ): Promise<JmlRun[]> {
    this.callers.requireReader('listing JML runs');
    const views = await this.runs.list({ kind: kind ?? undefined, status: status ?? undefined, first: clampFirst(first) });
    return views.map(toJmlRun);
  }

  @FieldResolver(() => [JmlRunApplication], {
    description: 'Per application, the run’s grants and revokes and when they were done (administrators and auditors).',
  })
  async applications(@Root() run: JmlRun): Promise<JmlRunApplication[]> {
    this.callers.requireReader('reading a JML run’s applications');
    const views = await this.runs.applications([run.id]);
    return views.map(toJmlRunApplication);
  }
}

export function clampFirst(first: number): number {
  return Math.min(Math.max(first, 0), MAX_JML_RUNS);
}
