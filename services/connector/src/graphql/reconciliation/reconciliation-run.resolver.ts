import { Injectable } from '@nestjs/common';
import { DomainError } from '@tenure/event-sourcing';
import { CallerGuard } from '@tenure/service-runtime';
import { Arg, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ConnectorQueries } from '../../application/connector-queries';
import { ConnectorRuntime } from '../../application/connector-runtime';
import { toApplication } from '../applications/application.mapper';
import { Application } from '../applications/application.type';
import { toReconciliationRun, toReconciliationRunConnection } from './reconciliation.mapper';
import { ReconciliationRun, ReconciliationRunConnection } from './reconciliation-run.type';

const MAX_PAGE = 200;

/** Reconciliation runs: open to read; starting one needs an administrator token. */
@Injectable()
@Resolver(() => ReconciliationRun)
export class ReconciliationRunResolver {
  constructor(
    private readonly runtime: ConnectorRuntime,
    private readonly applications: ConnectorQueries,
    private readonly guard: CallerGuard,
  ) {}

  @Query(() => ReconciliationRunConnection, { description: 'Reconciliation runs, newest first, of one application or of all.' })
  async reconciliationRuns(
    @Arg('applicationId', () => ID, { nullable: true }) applicationId: string | null,
    @Arg('first', () => Int, { defaultValue: 20, description: `At most ${MAX_PAGE}.` }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ): Promise<ReconciliationRunConnection> {
    this.guard.requireReader('reconciliationRuns');
    checkedFirst(first);
    const page = await this.runtime.reconciliation.queries.runs({
      applicationId: applicationId ?? undefined,
      first,
      after: after ?? undefined,
    });
    return toReconciliationRunConnection(page);
  }

  @Query(() => ReconciliationRun, { nullable: true })
  async reconciliationRun(@Arg('id', () => ID) id: string): Promise<ReconciliationRun | null> {
    this.guard.requireReader('reconciliationRun');
    const view = await this.runtime.reconciliation.queries.run(id);
    return view ? toReconciliationRun(view) : null;
  }

  @Mutation(() => ReconciliationRun, {
    description:
      'Starts reconciling the application now and answers with the run as it starts; follow it with reconciliationRun(id). ' +
      'Refused (CONFLICT) while a run of the application is under way. Needs Authorization: Bearer <administrator token>.',
  })
  async runReconciliation(@Arg('applicationId', () => ID) applicationId: string): Promise<ReconciliationRun> {
    const actor = this.guard.requireAdministrator('runReconciliation');
    const runId = await this.runtime.reconciliation.begin(applicationId, { trigger: 'administrator', actor });
    const { queries } = this.runtime.reconciliation;
    await queries.caughtUp();
    const view = await queries.run(runId);
    if (!view) throw new DomainError('not_found', `reconciliation run ${runId} is not in the read model yet`, { runId });
    return toReconciliationRun(view);
  }

  @FieldResolver(() => Application, { nullable: true })
  async application(@Root() run: ReconciliationRun): Promise<Application | null> {
    const view = await this.applications.application(run.applicationId);
    return view ? toApplication(view) : null;
  }
}

export function checkedFirst(first: number): void {
  if (first < 1 || first > MAX_PAGE) throw new DomainError('validation', `first must be from 1 to ${MAX_PAGE}`, { field: 'first' });
}
