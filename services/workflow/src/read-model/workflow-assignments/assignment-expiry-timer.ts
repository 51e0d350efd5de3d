import type { TimerRequest } from '@tenure/event-store-postgres';

/** Timers of this kind carry `{ assignmentId, identityId }` and revoke the assignment (reason `expired`) at its validUntil. */
export const ASSIGNMENT_EXPIRY_TIMER = 'workflow-assignment-expiry';

export function assignmentExpiryTimerId(assignmentId: string): string {
  return `${ASSIGNMENT_EXPIRY_TIMER}:${assignmentId}`;
}

export function assignmentExpiryTimer(assignmentId: string, identityId: string, validUntil: string): TimerRequest {
  return {
    timerId: assignmentExpiryTimerId(assignmentId),
    kind: ASSIGNMENT_EXPIRY_TIMER,
    dueAt: new Date(validUntil),
    payload: { assignmentId, identityId },
  };
}
