import {
  OPERATION_STREAM_PREFIX,
  type PublishedOperationOutcome,
  type PublishedOperationSucceeded,
  type PublishedOperationFailed,
} from '@tenure/contracts';
import type { Actor, Clock, IdGenerator, RecordedEvent } from '@tenure/event-sourcing';
import type { PostgresEventStore } from '@tenure/event-store-postgres';
import type { Logger } from '@tenure/platform';
import { decideOperationOutcome } from '../../domain/provisioning';
import { AssignmentsWriter } from '../assignments-writer';
import { WorkflowFollower } from '../workflow-follower';

/** The checkpoint under which the tracker remembers how far it has read the connector's outcomes. */
export const PROVISIONING_TRACKER_CHECKPOINT = 'workflow-provisioning-tracker';

export const PROVISIONING_TRACKER_ACTOR: Actor = { kind: 'service', id: 'workflow-provisioning-tracker' };

const TRACKED_TYPES: readonly (PublishedOperationSucceeded['type'] | PublishedOperationFailed['type'])[] = [
  'EntitlementGranted',
  'EntitlementRevoked',
  'OperationFailed',
];

export interface ProvisioningTrackerDependencies {
  readonly store: PostgresEventStore;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly logger: Logger;
}

/**
 * Tracks each assignment to completion from the connector's published outcomes: a grant
 * acknowledged makes it active (and starts a duration's clock), a revocation acknowledged makes it
 * revoked, a failure is recorded on it (it stays pending; a later success still provisions it).
 */
export function startProvisioningTracker(deps: ProvisioningTrackerDependencies): WorkflowFollower {
  const writer = new AssignmentsWriter(deps.store, deps.ids);
  return new WorkflowFollower({
    store: deps.store,
    logger: deps.logger,
    name: 'provisioning tracker',
    whileStopped: 'assignments wait for their outcomes',
    checkpoint: PROVISIONING_TRACKER_CHECKPOINT,
    streamPrefixes: [OPERATION_STREAM_PREFIX],
    eventTypes: TRACKED_TYPES,
    // One identity's events in log order (they meet at its assignments); different identities side by side.
    keyOf: (event) => (event.data as PublishedOperationOutcome['data']).identityId,
    answer: async (recorded: RecordedEvent) => {
      const outcome = { type: recorded.type, data: recorded.data } as PublishedOperationOutcome;
      if (outcome.data.assignmentId === null) return; // account work: the JML runs read it, no assignment changes
      const now = deps.clock.now();
      const result = await writer.write(outcome.data.identityId, (state) => decideOperationOutcome(outcome, state), {
        causationId: recorded.metadata.eventId,
        correlationId: recorded.metadata.correlationId,
        actor: PROVISIONING_TRACKER_ACTOR,
        now,
      });
      if (result.outcome.kind === 'ignored') {
        deps.logger.debug({ operationId: outcome.data.operationId, reason: result.outcome.reason }, 'provisioning outcome: nothing to do');
      }
    },
  });
}
