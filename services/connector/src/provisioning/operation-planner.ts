import {
  ASSIGNMENTS_STREAM_PREFIX,
  IDENTITY_STREAM_PREFIX,
  type PublishedAssignmentEvent,
  type PublishedIdentityTerminated,
  type PublishedKillSwitchPlanned,
} from '@tenure/contracts';
import { exponentialBackoff, withRetries, type Actor, type Clock, type RecordedEvent } from '@tenure/event-sourcing';
import { CheckpointedProcess, type PostgresEventStore } from '@tenure/event-store-postgres';
import type { Logger } from '@tenure/platform';
import { backgroundStatusOf, type Stoppable } from '@tenure/service-runtime';
import { disableOperationId, grantOperationId, revokeOperationId, type OperationRequest } from '../domain/operation';
import { accountsProjection } from '../read-model/accounts/accounts.projection';
import { applicationsWithAccountOf } from '../read-model/accounts/accounts.queries';
import { connectorAssignmentsProjection } from '../read-model/desired-state/connector-assignments.projection';
import { activeAssignments } from '../read-model/desired-state/desired-state.queries';
import { operationsProjection } from '../read-model/operations/operations.projection';
import { applicationsWithOpenOperationsOf } from '../read-model/operations/operations.queries';
import type { Queryable } from '../read-model/queryable';
import { recordKillSwitchPlan } from './kill-switch-plan';
import { requestOperation, type OperationRequestContext } from './request-operation';

/** The checkpoint under which the planner remembers how far it has read the log. */
export const OPERATION_PLANNER_CHECKPOINT = 'connector-operation-planner';

export const PLANNER_ACTOR: Actor = { kind: 'service', id: 'connector-planner' };

/** Requests appended at once by the planner (each is its own small transaction). */
const PARALLEL_REQUESTS = 8;

type PlannedEvent = PublishedAssignmentEvent | PublishedIdentityTerminated;
const PLANNED_EVENT_TYPES: readonly PlannedEvent['type'][] = ['AssignmentAdded', 'AssignmentRevoked', 'IdentityTerminated'];

export interface OperationPlannerDependencies {
  readonly store: PostgresEventStore;
  readonly clock: Clock;
  readonly logger: Logger;
  /** The leaver kill switch looks up accounts and assignments: they must include everything before the termination. */
  readonly readModelsCaughtUp: () => Promise<void>;
}

/**
 * What the kill switch reads to find a leaver's applications (accounts, assignments, work under
 * way): a termination waits for these read models alone, not for the slowest of the service's.
 */
export const PLANNER_READ_MODELS: readonly string[] = [
  accountsProjection.name,
  connectorAssignmentsProjection.name,
  operationsProjection.name,
];

/**
 * Turns the desired state's changes into operations: an assignment added is a grant, an assignment
 * revoked a revoke (leaver priority when the reason is `leaver`), a termination a disable in every
 * application where the person has an account, an assignment or work under way. Not a projection,
 * because it appends events: it follows the log with a checkpoint of its own, stored after each
 * batch. A crash in between requests the batch again, which records nothing: operation ids are
 * derived from the cause and requested with "no stream yet".
 */
export class OperationPlanner implements Stoppable {
  private readonly process: CheckpointedProcess;

  constructor(private readonly deps: OperationPlannerDependencies) {
    this.process = new CheckpointedProcess({
      pool: deps.store.pool,
      notifier: deps.store.wakeups,
      leases: deps.store.leases,
      checkpoint: OPERATION_PLANNER_CHECKPOINT,
      filter: { streamPrefixes: [ASSIGNMENTS_STREAM_PREFIX, IDENTITY_STREAM_PREFIX], eventTypes: PLANNED_EVENT_TYPES },
      handle: (events) => this.answer(events),
      onFailed: (error, when) => {
        deps.logger.error({ err: error }, when === 'start' ? 'the operation planner could not start' : 'the operation planner stopped');
        backgroundStatusOf(deps.store).recordStopped(`process:${OPERATION_PLANNER_CHECKPOINT}`);
      },
    });
  }

  /** Resolves once every assignment and termination committed so far has been planned. */
  async waitUntilCaughtUp(timeoutMs = 30_000): Promise<void> {
    await this.process.waitUntilCaughtUp(timeoutMs);
  }

  async stop(): Promise<void> {
    await this.process.stop();
  }

  private async answer(events: readonly RecordedEvent[]): Promise<void> {
    // Requesting is idempotent, so a batch that failed halfway is simply planned again.
    const requested = await withRetries(() => this.plan(events), { maxAttempts: 5, delayMs: exponentialBackoff(100, 5_000) });
    if (requested > 0) this.deps.logger.debug({ requested, events: events.length }, 'operations requested');
  }

  private async plan(events: readonly RecordedEvent[]): Promise<number> {
    if (events.some((event) => event.type === 'IdentityTerminated')) await this.deps.readModelsCaughtUp();
    // Request order matters only between the operations of one person in one application (they run
    // in that order): those are requested one after the other, different ones side by side.
    const queues = new Map<string, { request: OperationRequest; context: OperationRequestContext }[]>();
    const killSwitches: { plan: PublishedKillSwitchPlanned['data']; context: OperationRequestContext }[] = [];
    for (const event of events) {
      const context = { actor: PLANNER_ACTOR, correlationId: event.metadata.correlationId, causationId: event.metadata.eventId };
      const now = this.deps.clock.now();
      const requests = await planOperations(this.deps.store.pool, event, now);
      if (event.type === 'IdentityTerminated') {
        const { identityId } = (event as unknown as PublishedIdentityTerminated).data;
        const plan = {
          identityId,
          terminationEventId: event.metadata.eventId,
          operationIds: requests.map((r) => r.operationId),
          plannedAt: now.toISOString(),
        };
        killSwitches.push({ plan, context });
      }
      for (const request of requests) {
        const key = `${request.applicationId}\u0000${request.identityId}`;
        const queue = queues.get(key) ?? [];
        queue.push({ request, context });
        queues.set(key, queue);
      }
    }
    let requested = 0;
    const pending = [...queues.values()];
    const worker = async () => {
      for (let queue = pending.shift(); queue; queue = pending.shift()) {
        for (const { request, context } of queue) if ((await requestOperation(this.deps.store, request, context)).requested) requested += 1;
      }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL_REQUESTS, pending.length) }, worker));
    // After the requests: a plan names only operations that exist.
    for (const { plan, context } of killSwitches) await recordKillSwitchPlan(this.deps.store, plan, context);
    return requested;
  }
}

/** The operations one published event asks for. */
export async function planOperations(db: Queryable, recorded: RecordedEvent, now: Date): Promise<OperationRequest[]> {
  const event = { type: recorded.type, data: recorded.data } as PlannedEvent;
  const requestedAt = now.toISOString();
  switch (event.type) {
    case 'AssignmentAdded': {
      const { assignmentId, identityId, applicationId, entitlementKey } = event.data;
      return [
        {
          operationId: grantOperationId(assignmentId),
          action: 'grant',
          applicationId,
          identityId,
          assignmentId,
          entitlementKey,
          priority: 'routine',
          cause: { kind: 'assignment', reference: assignmentId },
          requestedAt,
        },
      ];
    }
    case 'AssignmentRevoked': {
      const { assignmentId, identityId, applicationId, entitlementKey, reason } = event.data;
      return [
        {
          operationId: revokeOperationId(assignmentId),
          action: 'revoke',
          applicationId,
          identityId,
          assignmentId,
          entitlementKey,
          priority: reason === 'leaver' ? 'leaver' : 'routine',
          cause: { kind: 'assignment', reference: assignmentId },
          requestedAt,
        },
      ];
    }
    case 'IdentityTerminated': {
      // The request names no account (the worker takes it from connector_identities), but says whose it is.
      const { identityId, employeeNumber } = event.data;
      const terminationEventId = recorded.metadata.eventId;
      const applications = await applicationsOfLeaver(db, identityId);
      return applications.map((applicationId) => ({
        operationId: disableOperationId(applicationId, identityId, terminationEventId),
        action: 'disable-account',
        applicationId,
        identityId,
        assignmentId: null,
        entitlementKey: null,
        priority: 'leaver',
        cause: { kind: 'termination', reference: terminationEventId },
        requestedAt,
        employeeNumber,
      }));
    }
    default:
      return [];
  }
}

/** Every application where a leaver may have an account: one Tenure made, one an assignment asks for, one work under way may create. */
async function applicationsOfLeaver(db: Queryable, identityId: string): Promise<string[]> {
  const [accounts, assignments, underWay] = await Promise.all([
    applicationsWithAccountOf(db, identityId),
    activeAssignments(db, identityId),
    applicationsWithOpenOperationsOf(db, identityId),
  ]);
  return [...new Set([...accounts, ...assignments.map((assignment) => assignment.application_id), ...underWay])].sort();
}
