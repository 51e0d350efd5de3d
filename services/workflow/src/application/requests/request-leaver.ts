import { commandHandler, type Actor, type Clock, type IdGenerator, type RecordedEvent } from '@tenure/event-sourcing';
import { IDENTITY_STREAM_PREFIX, type PublishedIdentityTerminated } from '@tenure/contracts';
import type { PostgresEventStore } from '@tenure/event-store-postgres';
import type { Logger } from '@tenure/platform';
import { accessRequestDecider, type AccessRequestCommand } from '../../domain/requests';
import { accessRequestStreamId, openRequestIdsFor, requestIdsAwaiting } from '../../read-model/workflow-requests';
import { isRefusal, WorkflowFollower } from '../workflow-follower';
import { personByEmployeeNumber } from './request-directory';

export const REQUEST_LEAVER_CHECKPOINT = 'workflow-request-leaver';
export const REQUEST_LEAVER_ACTOR: Actor = { kind: 'service', id: 'workflow-request-leaver' };

export interface RequestLeaverDependencies {
  readonly store: PostgresEventStore;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly logger: Logger;
  /** Waits until the read models (the requests, the directory) show everything committed so far. */
  readonly readModelsCaughtUp: () => Promise<void>;
}

/**
 * The leaver, for requests: the leaver's requests still waiting (approval or fulfilment) are
 * cancelled (reason leaver), and undecided steps waiting for the leaver go to the leaver's manager
 * (administrators when none). Follows identity terminations with its own checkpoint; cancelling an
 * ended request or reassigning a step that no longer waits for them changes nothing, so a batch
 * answered again records nothing twice.
 */
export class RequestLeaver {
  private readonly follower: WorkflowFollower;
  private readonly handle;

  constructor(private readonly deps: RequestLeaverDependencies) {
    this.handle = commandHandler(deps.store, accessRequestDecider, { ids: deps.ids });
    this.follower = new WorkflowFollower({
      store: deps.store,
      logger: deps.logger,
      name: 'request leaver',
      checkpoint: REQUEST_LEAVER_CHECKPOINT,
      streamPrefixes: [IDENTITY_STREAM_PREFIX],
      eventTypes: ['IdentityTerminated'],
      beforeBatch: deps.readModelsCaughtUp,
      // No key: leavers one after the other, in log order, as two leavers' answers may touch the
      // same request (one requested it, the other approves it).
      answer: (event) => this.answer(event as RecordedEvent<PublishedIdentityTerminated>),
    });
  }

  waitUntilCaughtUp(timeoutMs = 30_000): Promise<void> {
    return this.follower.waitUntilCaughtUp(timeoutMs);
  }

  stop(): Promise<void> {
    return this.follower.stop();
  }

  private async answer(event: RecordedEvent<PublishedIdentityTerminated>): Promise<void> {
    const pool = this.deps.store.pool;
    const { identityId, employeeNumber } = event.data;
    const now = this.deps.clock.now().toISOString();
    for (const requestId of await openRequestIdsFor(pool, identityId)) {
      await this.run(requestId, { type: 'CancelRequest', data: { by: LEAVER_PARTY, reason: 'leaver', cancelledAt: now } }, event);
    }
    const leaver = await personByEmployeeNumber(pool, employeeNumber);
    const replacement = leaver?.managerEmployeeNumber ?? null;
    for (const requestId of await requestIdsAwaiting(pool, employeeNumber)) {
      await this.run(
        requestId,
        { type: 'ReassignLeaverApprovals', data: { leaver: employeeNumber, replacement, reassignedAt: now } },
        event,
      );
    }
  }

  private async run(requestId: string, command: AccessRequestCommand, cause: RecordedEvent): Promise<void> {
    try {
      await this.handle(accessRequestStreamId(requestId), command, {
        commandId: this.deps.ids.newId(),
        correlationId: cause.metadata.correlationId,
        actor: REQUEST_LEAVER_ACTOR,
        now: this.deps.clock.now(),
      });
    } catch (error) {
      // Ended meanwhile (approved and granted, denied...): nothing left to cancel.
      if (!isRefusal(error)) throw error;
      this.deps.logger.debug({ requestId, reason: error.message }, 'request leaver: nothing to do');
    }
  }
}

const LEAVER_PARTY = { kind: 'process', id: REQUEST_LEAVER_ACTOR.id } as const;
