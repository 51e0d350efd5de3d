import { Injectable } from '@nestjs/common';
import { CallerGuard } from '@tenure/service-runtime';
import { Arg, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { JmlRunQueries } from '../../application/provisioning/jml-run-queries';
import { Identity } from '../identity/identity.type';
import { JmlRunKind, JmlRunStatus } from './jml-run-enums';
import { toJmlRun } from './jml-run.mapper';
import { JmlRun } from './jml-run.type';
import { clampFirst, MAX_JML_RUNS } from './jml-runs.resolver';

/** The person's joiner, mover and leaver runs, for administrators. */
@Injectable()
@Resolver(() => Identity)
export class IdentityJmlRunsResolver {
  constructor(
    private readonly runs: JmlRunQueries,
    private readonly callers: CallerGuard,
  ) {}

  @FieldResolver(() => [JmlRun], { description: 'The person’s joiner, mover and leaver runs, newest first (administrators only).' })
  async jmlRuns(
    @Root() identity: Identity,
    @Arg('kind', () => JmlRunKind, { nullable: true }) kind: JmlRunKind | null,
    @Arg('status', () => JmlRunStatus, { nullable: true }) status: JmlRunStatus | null,
    @Arg('first', () => Int, { defaultValue: 50, description: `At most this many (up to ${MAX_JML_RUNS}).` }) first: number,
  ): Promise<JmlRun[]> {
    this.callers.requireReader('reading JML runs');
    const views = await this.runs.list({
      identityId: identity.id,
      kind: kind ?? undefined,
      status: status ?? undefined,
      first: clampFirst(first),
    });
    return views.map(toJmlRun);
  }
}
