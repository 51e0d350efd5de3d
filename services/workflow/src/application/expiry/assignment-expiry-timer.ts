import type { Actor, Clock, EventStore, IdGenerator } from '@tenure/event-sourcing';
import { startTimerWorker, type TimerWorker } from '@tenure/event-store-postgres';
import type { Logger } from '@tenure/platform';
import type { Pool } from 'pg';
import { decideExpiry } from '../../domain/assignments';
import { ASSIGNMENT_EXPIRY_TIMER } from '../../read-model/workflow-assignments/workflow-assignments.projection';
import { AssignmentsWriter } from '../assignments-writer';

export const ASSIGNMENT_EXPIRY_ACTOR: Actor = { kind: 'system', id: ASSIGNMENT_EXPIRY_TIMER };

/** Expiry lateness counts against the JIT benchmark (p99 < 2 s): look often. */
const EXPIRY_POLL_MS = 250;

export interface AssignmentExpiryDependencies {
  readonly store: EventStore;
  readonly pool: Pool;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly logger: Logger;
}

/**
 * Revokes an assignment (reason `expired`) at its validUntil. Durable (timers live in PostgreSQL,
 * scheduled by the workflow_assignments projection), so an end reached while the service was down
 * is revoked at the next start; firing twice revokes once, because it decides from the state.
 */
export function startAssignmentExpiryTimer(deps: AssignmentExpiryDependencies, pollMs = EXPIRY_POLL_MS): TimerWorker {
  const writer = new AssignmentsWriter(deps.store, deps.ids);
  return startTimerWorker({
    pool: deps.pool,
    kind: ASSIGNMENT_EXPIRY_TIMER,
    clock: deps.clock,
    pollMs,
    // Grants requested together expire together: identities side by side, one identity's in turn.
    concurrency: 8,
    groupOf: (timer) => (timer.payload as { identityId: string }).identityId,
    fire: async (timer) => {
      const { assignmentId, identityId } = timer.payload as { assignmentId: string; identityId: string };
      const now = deps.clock.now();
      const { outcome } = await writer.write(identityId, (state) => decideExpiry(assignmentId, state, now), {
        causationId: timer.timerId,
        correlationId: timer.timerId,
        actor: ASSIGNMENT_EXPIRY_ACTOR,
        now,
      });
      if (outcome.kind === 'ignored') deps.logger.debug({ assignmentId, reason: outcome.reason }, 'assignment expiry: nothing to do');
    },
    onError: (timer, error) => deps.logger.error({ err: error, timerId: timer.timerId }, 'assignment expiry failed; retried later'),
  });
}
