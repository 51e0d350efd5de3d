import { Injectable } from '@nestjs/common';
import { DomainError } from '@tenure/event-sourcing';
import { CallerGuard } from '@tenure/service-runtime';
import { Arg, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { OperationAdministration } from '../../provisioning/operation-administration';
import { ProvisioningQueries } from '../../provisioning/provisioning-queries';
import { ConnectorQueries } from '../../application/connector-queries';
import { Operation, OperationConnection } from './operation.type';
import { MAX_PAGE, pageSize } from './page-size';
import { toOperation, toOperationConnection } from './provisioning.mapper';
import { OperationStatusName } from './provisioning-enums';

const ADMIN = 'Needs Authorization: Bearer <administrator token>.';

/** The provisioning queue and its dead letters: open to read until OIDC and roles arrive (issue 7); retry and dismiss need an administrator. */
@Injectable()
@Resolver(() => Operation)
export class OperationResolver {
  constructor(
    private readonly administration: OperationAdministration,
    private readonly queries: ProvisioningQueries,
    private readonly connectorQueries: ConnectorQueries,
    private readonly guard: CallerGuard,
  ) {}

  @Query(() => OperationConnection, { description: 'Operations, newest request first, one page at a time.' })
  async operations(
    @Arg('applicationId', () => ID, { nullable: true }) applicationId: string | null,
    @Arg('identityId', () => ID, { nullable: true }) identityId: string | null,
    @Arg('status', () => [OperationStatusName], { nullable: true, description: 'Any of these; all when absent.' })
    status: OperationStatusName[] | null,
    @Arg('first', () => Int, { defaultValue: 50, description: `At most ${MAX_PAGE}.` }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ): Promise<OperationConnection> {
    this.guard.requireReader('operations');
    const page = await this.queries.operations({
      applicationId: applicationId ?? undefined,
      identityId: identityId ?? undefined,
      statuses: status ?? undefined,
      first: pageSize(first),
      after: after ?? undefined,
    });
    return toOperationConnection(page);
  }

  @Query(() => Operation, { nullable: true })
  async operation(@Arg('id', () => ID) id: string): Promise<Operation | null> {
    this.guard.requireReader('operation');
    const row = await this.queries.operation(id);
    return row ? toOperation(row) : null;
  }

  @Query(() => OperationConnection, {
    description: 'Dead letters: operations whose retries ran out or that no retry can fix, newest first. Retry or dismiss them.',
  })
  async deadLetters(
    @Arg('applicationId', () => ID, { nullable: true }) applicationId: string | null,
    @Arg('first', () => Int, { defaultValue: 50, description: `At most ${MAX_PAGE}.` }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ): Promise<OperationConnection> {
    this.guard.requireReader('deadLetters');
    const page = await this.queries.deadLetters({
      applicationId: applicationId ?? undefined,
      first: pageSize(first),
      after: after ?? undefined,
    });
    return toOperationConnection(page);
  }

  @Mutation(() => Operation, { description: `Runs a dead letter again, its attempts counted from zero. ${ADMIN}` })
  async retryOperation(@Arg('id', () => ID) id: string): Promise<Operation> {
    const actor = this.guard.requireAdministrator('retryOperation');
    await this.administration.retry(id, actor);
    return this.current(id);
  }

  @Mutation(() => Operation, { description: `Gives up an operation that is not done, saying why. ${ADMIN}` })
  async dismissOperation(@Arg('id', () => ID) id: string, @Arg('reason', () => String) reason: string): Promise<Operation> {
    const actor = this.guard.requireAdministrator('dismissOperation');
    await this.administration.dismiss(id, reason, actor);
    return this.current(id);
  }

  private async current(id: string): Promise<Operation> {
    await this.connectorQueries.caughtUp();
    const row = await this.queries.operation(id);
    if (!row) throw new DomainError('not_found', `there is no operation "${id}"`, { operationId: id });
    return toOperation(row);
  }
}
