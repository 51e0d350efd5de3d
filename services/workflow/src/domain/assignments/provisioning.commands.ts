import { DomainError } from '@tenure/event-sourcing';
import type { Assignment, AssignmentsEvent, AssignmentsState } from './assignments.events';

// The connector's outcomes, as commands to the assignments: each is idempotent (the same
// acknowledgement read again records nothing), so the tracker may answer a batch twice.

/** The connector acknowledged the grant (operation `operationId`). */
export interface AcknowledgeProvisioning {
  readonly type: 'AcknowledgeProvisioning';
  readonly data: { readonly assignmentId: string; readonly operationId: string; readonly acknowledgedAt: string };
}

/** The connector acknowledged the revocation. */
export interface AcknowledgeRevocation {
  readonly type: 'AcknowledgeRevocation';
  readonly data: { readonly assignmentId: string; readonly operationId: string; readonly acknowledgedAt: string };
}

/** The connector gave up on the grant or the revoke (a dead letter until an administrator retries it). */
export interface RecordProvisioningFailure {
  readonly type: 'RecordProvisioningFailure';
  readonly data: {
    readonly assignmentId: string;
    readonly operationId: string;
    readonly action: 'grant' | 'revoke';
    readonly errorKind: string;
    readonly message: string;
    readonly failedAt: string;
  };
}

export function acknowledgeProvisioning({ data }: AcknowledgeProvisioning, state: AssignmentsState): readonly AssignmentsEvent[] {
  const { assignment, identityId } = known(data.assignmentId, state);
  // Active: acknowledged already. Revoking or revoked: revoked before the grant was acknowledged,
  // so no clock starts; the revocation's own acknowledgement follows.
  if (assignment.status !== 'pending-provisioning') return [];
  const { assignmentId, operationId, acknowledgedAt } = data;
  const validUntil =
    assignment.durationMs !== null ? new Date(Date.parse(acknowledgedAt) + assignment.durationMs).toISOString() : assignment.validUntil;
  return [{ type: 'AssignmentProvisioned', data: { assignmentId, identityId, operationId, acknowledgedAt, validUntil } }];
}

export function acknowledgeRevocation({ data }: AcknowledgeRevocation, state: AssignmentsState): readonly AssignmentsEvent[] {
  const { assignment, identityId } = known(data.assignmentId, state);
  if (assignment.status === 'revoked') return [];
  if (assignment.status !== 'revoking') {
    throw new DomainError('illegal_state', `assignment ${data.assignmentId} was not revoked: a revocation cannot be acknowledged`, {
      assignmentId: data.assignmentId,
      status: assignment.status,
    });
  }
  const { assignmentId, operationId, acknowledgedAt } = data;
  return [{ type: 'AssignmentRevocationAcknowledged', data: { assignmentId, identityId, operationId, acknowledgedAt } }];
}

export function recordProvisioningFailure({ data }: RecordProvisioningFailure, state: AssignmentsState): readonly AssignmentsEvent[] {
  const { assignment, identityId } = known(data.assignmentId, state);
  const awaited = data.action === 'grant' ? 'pending-provisioning' : 'revoking';
  // A failure of work that is no longer awaited (acknowledged since, or superseded) changes nothing.
  if (assignment.status !== awaited) return [];
  const last = assignment.lastFailure;
  if (last && last.operationId === data.operationId && last.failedAt === data.failedAt) return [];
  return [{ type: 'AssignmentProvisioningFailed', data: { ...data, identityId } }];
}

function known(assignmentId: string, state: AssignmentsState): { assignment: Assignment; identityId: string } {
  const assignment = state.assignments[assignmentId];
  if (!assignment || state.identityId === null) {
    throw new DomainError('not_found', `no assignment ${assignmentId} for this identity`, { assignmentId });
  }
  return { assignment, identityId: state.identityId };
}
