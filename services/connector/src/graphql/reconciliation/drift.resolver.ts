import { Injectable } from '@nestjs/common';
import { DomainError } from '@tenure/event-sourcing';
import { CallerGuard } from '@tenure/service-runtime';
import { Arg, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ConnectorQueries } from '../../application/connector-queries';
import { ConnectorRuntime } from '../../application/connector-runtime';
import { toApplication } from '../applications/application.mapper';
import { Application } from '../applications/application.type';
import { DriftFilter } from './drift.input';
import { Drift, DriftConnection } from './drift.type';
import { toDrift, toDriftConnection } from './reconciliation.mapper';
import { DriftActionName } from './reconciliation-enums';
import { checkedFirst } from './reconciliation-run.resolver';

/** Drift: open to read; remediating it needs an administrator token. */
@Injectable()
@Resolver(() => Drift)
export class DriftResolver {
  constructor(
    private readonly runtime: ConnectorRuntime,
    private readonly applications: ConnectorQueries,
    private readonly guard: CallerGuard,
  ) {}

  @Query(() => DriftConnection, { description: 'Drift found by reconciliation, by application, account, kind and entitlement.' })
  async drift(
    @Arg('filter', () => DriftFilter, { nullable: true }) filter: DriftFilter | null,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ): Promise<DriftConnection> {
    this.guard.requireReader('drift');
    checkedFirst(first);
    const page = await this.runtime.reconciliation.queries.drift({
      applicationId: filter?.applicationId ?? undefined,
      kind: filter?.kind ?? undefined,
      statuses: filter?.status ?? undefined,
      first,
      after: after ?? undefined,
    });
    return toDriftConnection(page);
  }

  @Query(() => Drift, { nullable: true })
  async driftById(@Arg('id', () => ID) id: string): Promise<Drift | null> {
    this.guard.requireReader('driftById');
    const view = await this.runtime.reconciliation.queries.driftById(id);
    return view ? toDrift(view) : null;
  }

  @Query(() => DriftConnection, {
    description: 'Orphaned accounts still in their targets that nobody fixed or dismissed: open or being remediated.',
  })
  async orphanedAccounts(
    @Arg('applicationId', () => ID, { nullable: true }) applicationId: string | null,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ): Promise<DriftConnection> {
    this.guard.requireReader('orphanedAccounts');
    checkedFirst(first);
    const page = await this.runtime.reconciliation.queries.orphanedAccounts({
      applicationId: applicationId ?? undefined,
      first,
      after: after ?? undefined,
    });
    return toDriftConnection(page);
  }

  @Mutation(() => Drift, {
    description:
      'Decides about an open drift: REVOKE fixes the target (through a provisioning operation), ADOPT makes an outside grant an assignment, ' +
      'DISMISS leaves it as it is. The comment is kept for auditors. Needs Authorization: Bearer <administrator token>.',
  })
  async remediateDrift(
    @Arg('driftId', () => ID) driftId: string,
    @Arg('action', () => DriftActionName) action: DriftActionName,
    @Arg('comment', () => String) comment: string,
  ): Promise<Drift> {
    const actor = this.guard.requireAdministrator('remediateDrift');
    const { reconciliation } = this.runtime;
    await reconciliation.service.remediate(driftId, action, comment, actor);
    await reconciliation.queries.caughtUp();
    const view = await reconciliation.queries.driftById(driftId);
    if (!view) throw new DomainError('not_found', `no drift "${driftId}"`, { driftId });
    return toDrift(view);
  }

  @FieldResolver(() => Application, { nullable: true })
  async application(@Root() drift: Drift): Promise<Application | null> {
    const view = await this.applications.application(drift.applicationId);
    return view ? toApplication(view) : null;
  }
}
