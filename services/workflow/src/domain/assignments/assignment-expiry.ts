import { commands, ignored, type ProcessOutcome } from '../process-outcome';
import { isHeld, type AssignmentsState } from './assignments.events';

/**
 * The expiry timer's decision: revoke (reason `expired`) an assignment still held whose end has
 * come. Anything else — revoked meanwhile, extended, not due by this clock — asks for nothing, so a
 * timer that fires twice, or late, revokes at most once.
 */
export function decideExpiry(assignmentId: string, state: AssignmentsState, now: Date): ProcessOutcome {
  const assignment = state.assignments[assignmentId];
  if (!assignment) return ignored(`no assignment ${assignmentId} here`);
  if (!isHeld(assignment)) return ignored(`already ${assignment.status}`);
  if (assignment.validUntil === null) return ignored('no end');
  if (Date.parse(assignment.validUntil) > now.getTime()) return ignored(`not due until ${assignment.validUntil}`);
  return commands({ type: 'RevokeAssignment', data: { assignmentId, reason: 'expired', revokedAt: now.toISOString() } });
}
