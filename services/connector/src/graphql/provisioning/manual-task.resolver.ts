import { Injectable } from '@nestjs/common';
import { DomainError } from '@tenure/event-sourcing';
import { CallerGuard } from '@tenure/service-runtime';
import { Arg, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { ConnectorQueries } from '../../application/connector-queries';
import { OperationAdministration } from '../../provisioning/operation-administration';
import { ProvisioningQueries } from '../../provisioning/provisioning-queries';
import { ManualTask, ManualTaskConnection } from './manual-task.type';
import { MAX_PAGE, pageSize } from './page-size';
import { toManualTask, toManualTaskConnection } from './provisioning.mapper';
import { ManualTaskFilterName } from './provisioning-enums';

/** Manual tasks: open to read; completing one needs an administrator token until people sign in (issue 7). */
@Injectable()
@Resolver(() => ManualTask)
export class ManualTaskResolver {
  constructor(
    private readonly administration: OperationAdministration,
    private readonly queries: ProvisioningQueries,
    private readonly connectorQueries: ConnectorQueries,
    private readonly guard: CallerGuard,
  ) {}

  @Query(() => ManualTaskConnection, { description: 'Manual tasks, soonest due first.' })
  async manualTasks(
    @Arg('applicationId', () => ID, { nullable: true }) applicationId: string | null,
    // No enum default value: the federated schema is rebuilt from SDL, where a default would not map to the domain's value.
    @Arg('filter', () => ManualTaskFilterName, { nullable: true, description: 'OPEN when absent.' }) filter: ManualTaskFilterName | null,
    @Arg('first', () => Int, { defaultValue: 50, description: `At most ${MAX_PAGE}.` }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ): Promise<ManualTaskConnection> {
    this.guard.requireReader('manualTasks');
    const page = await this.queries.manualTasks({
      applicationId: applicationId ?? undefined,
      state: filter ?? ManualTaskFilterName.OPEN,
      first: pageSize(first),
      after: after ?? undefined,
    });
    return toManualTaskConnection(page, this.queries.now());
  }

  @Mutation(() => ManualTask, {
    description:
      'Says a manual task is done: its change is recorded as made by the caller, through the task, with the note. Needs Authorization: Bearer <administrator token>.',
  })
  async completeManualTask(
    @Arg('id', () => ID) id: string,
    @Arg('note', () => String, { nullable: true, description: 'What was done, for the audit trail.' }) note: string | null,
  ): Promise<ManualTask> {
    const actor = this.guard.requireAdministrator('completeManualTask');
    await this.administration.completeManualTask(id, note, actor);
    await this.connectorQueries.caughtUp();
    const row = await this.queries.operation(id);
    if (!row?.task_opened_at) throw new DomainError('not_found', `there is no manual task "${id}"`, { taskId: id });
    return toManualTask(row, this.queries.now());
  }
}
