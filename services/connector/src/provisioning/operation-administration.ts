import { operationStreamId } from '@tenure/contracts';
import { commandHandler, DomainError, type Actor, type Clock, type EventStore, type IdGenerator } from '@tenure/event-sourcing';
import { operationDecider, type OperationCommand } from '../domain/operation';

/**
 * What people do to operations: administrators retry or dismiss dead letters (nothing is dropped
 * without someone saying so), and the person who did a manual task says it is done.
 */
export class OperationAdministration {
  private readonly handle;

  constructor(private readonly deps: { readonly store: EventStore; readonly clock: Clock; readonly ids: IdGenerator }) {
    this.handle = commandHandler(deps.store, operationDecider, { ids: deps.ids });
  }

  /** Another round of attempts for a dead letter; the attempts count starts again. */
  retry(operationId: string, actor: Actor): Promise<void> {
    return this.run(operationId, actor, (now) => ({ type: 'RetryOperation', data: { by: actor, now } }));
  }

  dismiss(operationId: string, reason: string, actor: Actor): Promise<void> {
    return this.run(operationId, actor, (now) => ({ type: 'DismissOperation', data: { by: actor, reason, now } }));
  }

  /** Records the task's change as done by `actor`, through the task (the task id is the operation id). */
  completeManualTask(taskId: string, note: string | null, actor: Actor): Promise<void> {
    return this.run(taskId, actor, (now) => ({ type: 'CompleteManualTask', data: { completedBy: actor, note, now } }));
  }

  private async run(operationId: string, actor: Actor, command: (now: Date) => OperationCommand): Promise<void> {
    const now = this.deps.clock.now();
    const commandId = this.deps.ids.newId();
    try {
      await this.handle(operationStreamId(operationId), command(now), { commandId, actor, now });
    } catch (error) {
      if (error instanceof DomainError && error.code === 'not_found') {
        throw new DomainError('not_found', `there is no operation "${operationId}"`, { operationId });
      }
      throw error;
    }
  }
}
