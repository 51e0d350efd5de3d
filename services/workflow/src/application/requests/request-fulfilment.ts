import { commandHandler, DomainError, type Actor, type Clock, type IdGenerator, type RecordedEvent } from '@tenure/event-sourcing';
import type { PostgresEventStore } from '@tenure/event-store-postgres';
import type { Logger } from '@tenure/platform';
import type { AssignmentsState } from '../../domain/assignments';
import { commands, ignored } from '../../domain/process-outcome';
import {
  accessRequestDecider,
  type AccessRequestApproved,
  type AccessRequestCancelled,
  type AccessRequestCommand,
  type KnownRequest,
} from '../../domain/requests';
import { findSubjects } from '../../read-model/workflow-identities/workflow-subjects';
import { ACCESS_REQUEST_STREAM_PREFIX, accessRequestStreamId, requestIdOf } from '../../read-model/workflow-requests';
import { AssignmentsWriter, type AssignmentsCause } from '../assignments-writer';
import { isRefusal, WorkflowFollower } from '../workflow-follower';
import type { SodBlockingCheck } from './request-collaborators';
import { heldAssignmentsOf } from './request-directory';

export const REQUEST_FULFILMENT_CHECKPOINT = 'workflow-request-fulfilment';
export const REQUEST_FULFILMENT_ACTOR: Actor = { kind: 'service', id: 'workflow-request-fulfilment' };

const HOUR_MS = 3_600_000;

/** The assignment an approved request adds: derived from the request, so an answer repeated after a crash adds nothing twice. */
export function assignmentIdOfRequest(requestId: string): string {
  return `request-${requestId}`;
}

export interface RequestFulfilmentDependencies {
  readonly store: PostgresEventStore;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly logger: Logger;
  readonly sodGate: SodBlockingCheck;
  /** Waits until the read models (directory, assignments) show everything committed so far. */
  readonly readModelsCaughtUp: () => Promise<void>;
}

/**
 * Turns approved requests into assignments: a new grant adds one (source request or break-glass,
 * for the granted hours from the provisioning acknowledgement), an extension extends the held one;
 * then records AccessGranted on the request, or AccessFulfilmentFailed with the assignments'
 * refusal (SoD, terminated, already held). A cancelled request's assignment is revoked (`cancelled`).
 * Follows the request streams with its own checkpoint; every answer decides from the current state,
 * so a batch answered again after a crash records nothing twice.
 */
export class RequestFulfilment {
  private readonly follower: WorkflowFollower;
  private readonly writer: AssignmentsWriter;
  private readonly handle;

  constructor(private readonly deps: RequestFulfilmentDependencies) {
    this.writer = new AssignmentsWriter(deps.store, deps.ids);
    this.handle = commandHandler(deps.store, accessRequestDecider, { ids: deps.ids });
    this.follower = new WorkflowFollower({
      store: deps.store,
      logger: deps.logger,
      name: 'request fulfilment',
      checkpoint: REQUEST_FULFILMENT_CHECKPOINT,
      streamPrefixes: [ACCESS_REQUEST_STREAM_PREFIX],
      eventTypes: ['AccessRequestApproved', 'AccessRequestCancelled'],
      beforeBatch: deps.readModelsCaughtUp,
      // One identity's requests in log order (they change its assignments, and many at once would
      // exhaust the expected-revision retries); different identities side by side.
      keyOf: (event) => (event as RecordedEvent<AccessRequestApproved | AccessRequestCancelled>).data.identityId,
      answer: (event) =>
        event.type === 'AccessRequestApproved'
          ? this.fulfil(requestIdOf(event.streamId), event)
          : this.revokeCancelled(event as RecordedEvent<AccessRequestCancelled>),
      // A refusal is an answer (recorded on the request); anything else stops the follower to be retried.
      onRefused: (error, event) =>
        deps.logger.warn({ err: error, requestId: requestIdOf(event.streamId) }, 'request fulfilment: nothing to do'),
    });
  }

  waitUntilCaughtUp(timeoutMs = 30_000): Promise<void> {
    return this.follower.waitUntilCaughtUp(timeoutMs);
  }

  stop(): Promise<void> {
    return this.follower.stop();
  }

  private async fulfil(requestId: string, approval: RecordedEvent): Promise<void> {
    const request = await this.load(requestId);
    if (request.status !== 'approved') return; // granted, failed or cancelled already
    const { grantedDurationHours } = (approval as RecordedEvent<AccessRequestApproved>).data;
    const now = this.deps.clock.now();
    const cause: AssignmentsCause = {
      causationId: approval.metadata.eventId,
      correlationId: approval.metadata.correlationId,
      actor: REQUEST_FULFILMENT_ACTOR,
      now,
    };
    let assignmentId: string;
    try {
      assignmentId = request.extensionOf
        ? await this.extend(request, grantedDurationHours, cause)
        : await this.add(request, approval, grantedDurationHours, cause);
    } catch (error) {
      if (!isRefusal(error)) throw error;
      await this.record(
        requestId,
        { type: 'RecordFulfilmentFailure', data: { reason: error.message, failedAt: now.toISOString() } },
        cause,
      );
      return;
    }
    const { events, state } = await this.record(
      requestId,
      { type: 'RecordGrant', data: { assignmentId, grantedAt: now.toISOString() } },
      cause,
    );
    if (events.length === 0 && state.status === 'cancelled' && !request.extensionOf) {
      await this.revoke(request.identityId, assignmentId, cause); // cancelled while it was being added
    }
  }

  private async add(request: KnownRequest, approval: RecordedEvent, hours: number | null, cause: AssignmentsCause): Promise<string> {
    const { requestId, identityId, applicationId, entitlementKey } = request;
    const assignmentId = assignmentIdOfRequest(requestId);
    const [subject] = await findSubjects(this.deps.store.pool, [identityId]);
    if (!subject) throw new DomainError('illegal_state', `identity ${identityId} is not known to workflow`);
    if (subject.status === 'terminated')
      throw new DomainError('illegal_state', `${subject.employeeNumber} was terminated: nothing is granted`);
    const held = (await heldAssignmentsOf(this.deps.store.pool, identityId)).filter(
      (assignment) => assignment.assignmentId !== assignmentId,
    );
    const candidate = { applicationId, entitlementKey };
    const blocks = await this.deps.sodGate.blockingFor(subject, held, [candidate]);
    const sodBlocking = blocks.get(`${applicationId}/${entitlementKey}`) ?? [];
    const source = {
      kind: request.breakGlass ? ('break-glass' as const) : ('request' as const),
      reference: requestId,
      policyVersion: request.decision.policyVersion,
    };
    await this.writer.write(
      identityId,
      (state) => {
        if (state.assignments[assignmentId]) return ignored(`assignment ${assignmentId} was added already`);
        refuseAfterLeaving(state, request);
        return commands({
          type: 'AddAssignment',
          data: {
            assignmentId,
            identityId,
            applicationId,
            entitlementKey,
            source,
            validFrom: cause.now.toISOString(),
            // The clock starts at the provisioning acknowledgement (validUntil = acknowledgement + durationMs).
            validUntil: null,
            durationMs: hours === null ? null : Math.round(hours * HOUR_MS),
            sodBlocking,
          },
        });
      },
      { ...cause, causationId: approval.metadata.eventId },
    );
    return assignmentId;
  }

  private async extend(request: KnownRequest, hours: number | null, cause: AssignmentsCause): Promise<string> {
    const { assignmentId } = request.extensionOf!;
    if (hours === null) throw new DomainError('validation', 'an extension needs a duration');
    await this.writer.write(
      request.identityId,
      () =>
        commands({
          type: 'ExtendAssignment',
          data: {
            assignmentId,
            additionalMs: Math.round(hours * HOUR_MS),
            requestId: request.requestId,
            extendedAt: cause.now.toISOString(),
          },
        }),
      cause,
    );
    return assignmentId;
  }

  private async revokeCancelled(cancelled: RecordedEvent<AccessRequestCancelled>): Promise<void> {
    const { assignmentId, cancelledAt } = cancelled.data;
    if (assignmentId === null) return;
    const request = await this.load(cancelled.data.requestId);
    await this.revoke(request.identityId, assignmentId, {
      causationId: cancelled.metadata.eventId,
      correlationId: cancelled.metadata.correlationId,
      actor: REQUEST_FULFILMENT_ACTOR,
      now: new Date(cancelledAt),
    });
  }

  private async revoke(identityId: string, assignmentId: string, cause: AssignmentsCause): Promise<void> {
    await this.writer.write(
      identityId,
      (state) => {
        const assignment = state.assignments[assignmentId];
        if (!assignment || (assignment.status !== 'pending-provisioning' && assignment.status !== 'active')) {
          return ignored(`assignment ${assignmentId} is not held`);
        }
        return commands({ type: 'RevokeAssignment', data: { assignmentId, reason: 'cancelled', revokedAt: cause.now.toISOString() } });
      },
      cause,
    );
  }

  private async load(requestId: string): Promise<KnownRequest> {
    const recorded = await this.deps.store.readStream(accessRequestStreamId(requestId));
    let state = accessRequestDecider.initialState();
    for (const event of recorded) state = accessRequestDecider.evolve(state, { type: event.type, data: event.data } as never);
    if (state.status === 'none') throw new DomainError('not_found', `no access request ${requestId}`);
    return state;
  }

  private record(requestId: string, command: AccessRequestCommand, cause: AssignmentsCause) {
    return this.handle(accessRequestStreamId(requestId), command, {
      commandId: this.deps.ids.newId(),
      correlationId: cause.correlationId,
      actor: REQUEST_FULFILMENT_ACTOR,
      now: cause.now,
    });
  }
}

/** A request made before the subject last left belongs to a previous employment: a rehire does not revive it. */
function refuseAfterLeaving(state: AssignmentsState, request: KnownRequest): void {
  if (state.lastTerminatedAt !== null && Date.parse(state.lastTerminatedAt) >= Date.parse(request.requestedAt)) {
    throw new DomainError(
      'illegal_state',
      `${request.subjectEmployeeNumber} left on ${state.lastTerminatedAt}, after this request was made: nothing is granted`,
    );
  }
}
