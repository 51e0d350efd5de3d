import { ASSIGNMENTS_STREAM_PREFIX } from '@tenure/contracts';
import type { Clock, RecordedEvent } from '@tenure/event-sourcing';
import { cancelTimer, scheduleTimer, startTimerWorker, type Projection, type TimerWorker } from '@tenure/event-store-postgres';
import type { Logger } from '@tenure/platform';
import type { Pool, PoolClient } from 'pg';
import type { AssignmentsEvent } from '../../domain/assignments';
import { assignmentById } from '../../read-model/workflow-assignments/workflow-assignments.queries';
import { personByIdentity } from './notification-directory';
import type { NotificationRecorder } from './notification-recorder';

/** Timers of this kind carry `{ assignmentId, identityId, grantedAt, validUntil }` and are due at the grant's end. */
export const EXPIRY_WARNING_TIMER = 'workflow-access-expiry-warning';

/**
 * Schedules one warning timer per time-bound grant, due at its end, in the same transaction as its
 * checkpoint (moved by an extension, cancelled by a revocation). The timer is due at `validUntil`
 * itself, not earlier: the lead is the worker's, so the read model holds facts from the log only
 * and a rebuild or a changed lead needs no rescheduling.
 */
export const workflowExpiryWarningsProjection: Projection = {
  name: 'workflow-expiry-warnings',
  filter: {
    streamPrefixes: [ASSIGNMENTS_STREAM_PREFIX],
    eventTypes: ['AssignmentAdded', 'AssignmentProvisioned', 'AssignmentExtended', 'AssignmentRevoked'],
  },
  async setup() {
    // Nothing but timers.
  },
  async reset(client) {
    await client.query('DELETE FROM tenure_timers WHERE kind = $1', [EXPIRY_WARNING_TIMER]);
  },
  apply: applyEvent,
};

async function applyEvent(recorded: RecordedEvent, client: PoolClient): Promise<void> {
  const event = { type: recorded.type, data: recorded.data } as AssignmentsEvent;
  switch (event.type) {
    case 'AssignmentAdded':
      if (event.data.validUntil === null) return;
      return schedule(client, event.data.assignmentId, event.data.identityId, event.data.validFrom, event.data.validUntil);
    case 'AssignmentProvisioned':
      if (event.data.validUntil === null) return;
      return schedule(client, event.data.assignmentId, event.data.identityId, event.data.acknowledgedAt, event.data.validUntil);
    case 'AssignmentExtended':
      return schedule(client, event.data.assignmentId, event.data.identityId, event.data.extendedAt, event.data.validUntil);
    case 'AssignmentRevoked':
      return cancelTimer(client, expiryWarningTimerId(event.data.assignmentId));
    default:
      return;
  }
}

function schedule(client: PoolClient, assignmentId: string, identityId: string, grantedAt: string, validUntil: string): Promise<void> {
  return scheduleTimer(client, {
    timerId: expiryWarningTimerId(assignmentId),
    kind: EXPIRY_WARNING_TIMER,
    dueAt: new Date(validUntil),
    payload: { assignmentId, identityId, grantedAt, validUntil },
  });
}

export function expiryWarningTimerId(assignmentId: string): string {
  return `${EXPIRY_WARNING_TIMER}:${assignmentId}`;
}

/**
 * Fires warning timers `leadMs` before they are due: the worker's clock runs that far ahead.
 * Warns only if the grant is still held with the same end (a revocation cancels the timer, an
 * extension moves it, the check covers a timer fired late).
 */
export function startExpiryWarnings(deps: {
  readonly pool: Pool;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly recorder: NotificationRecorder;
  readonly leadMs: number;
  readonly pollMs: number;
}): TimerWorker {
  const ahead: Clock = { now: () => new Date(deps.clock.now().getTime() + deps.leadMs) };
  return startTimerWorker({
    pool: deps.pool,
    kind: EXPIRY_WARNING_TIMER,
    clock: ahead,
    pollMs: deps.pollMs,
    fire: async (timer) => {
      const { assignmentId, identityId, grantedAt, validUntil } = timer.payload as {
        assignmentId: string;
        identityId: string;
        grantedAt: string | null;
        validUntil: string;
      };
      const assignment = await assignmentById(deps.pool, assignmentId);
      const held = assignment && (assignment.status === 'active' || assignment.status === 'pending-provisioning');
      if (!held || assignment.validUntil?.getTime() !== Date.parse(validUntil)) return;
      const holder = await personByIdentity(deps.pool, identityId);
      if (!holder) return;
      await deps.recorder.record(
        {
          type: 'access-expiring',
          assignmentId,
          holderEmployeeNumber: holder.employeeNumber,
          applicationId: assignment.applicationId,
          entitlementKey: assignment.entitlementKey,
          grantedAt,
          validUntil,
          warningLeadMs: deps.leadMs,
        },
        timer.timerId,
      );
    },
    onError: (timer, error) => deps.logger.error({ err: error, timerId: timer.timerId }, 'expiry warning failed; retried later'),
  });
}
