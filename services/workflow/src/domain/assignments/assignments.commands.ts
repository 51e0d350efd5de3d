import type { AssignmentRevocationReason, AssignmentSource } from '@tenure/contracts';
import { DomainError } from '@tenure/event-sourcing';
import { assertNever } from '../assert-never';
import { activeAssignments, holdsEntitlement, type AssignmentsEvent, type AssignmentsState } from './assignments.events';

/**
 * Assign one entitlement (`applicationId` + the application's own `entitlementKey`). The id comes
 * from the caller's IdGenerator; times are ISO instants decided by the caller.
 *
 * Issue 6 proper: the command will carry the SoD check of the new combination, and a blocking
 * violation without a valid exception refuses it (see `refuseAddition`).
 */
export interface AddAssignment {
  readonly type: 'AddAssignment';
  readonly data: {
    readonly assignmentId: string;
    readonly identityId: string;
    readonly applicationId: string;
    readonly entitlementKey: string;
    readonly source: AssignmentSource;
    readonly validFrom: string;
    readonly validUntil: string | null;
  };
}

export interface RevokeAssignment {
  readonly type: 'RevokeAssignment';
  readonly data: { readonly assignmentId: string; readonly reason: AssignmentRevocationReason; readonly revokedAt: string };
}

/** The leaver: every assignment in force is revoked (reason `leaver`) and nothing can be added until a rehire. */
export interface MarkIdentityTerminated {
  readonly type: 'MarkIdentityTerminated';
  readonly data: { readonly identityId: string; readonly identityRevision: number; readonly terminatedAt: string };
}

/** A rehire lifts the termination. */
export interface MarkIdentityRehired {
  readonly type: 'MarkIdentityRehired';
  readonly data: { readonly identityId: string; readonly identityRevision: number; readonly rehiredAt: string };
}

export type AssignmentsCommand = AddAssignment | RevokeAssignment | MarkIdentityTerminated | MarkIdentityRehired;

export function decide(command: AssignmentsCommand, state: AssignmentsState): readonly AssignmentsEvent[] {
  switch (command.type) {
    case 'AddAssignment':
      return addAssignment(command, state);
    case 'RevokeAssignment':
      return revokeAssignment(command, state);
    case 'MarkIdentityTerminated':
      return markTerminated(command, state);
    case 'MarkIdentityRehired':
      return markRehired(command, state);
    default:
      return assertNever(command);
  }
}

function addAssignment(command: AddAssignment, state: AssignmentsState): readonly AssignmentsEvent[] {
  const { data } = command;
  const known = state.assignments[data.assignmentId];
  if (known) {
    // The same command again (a retry) changed everything it will ever change.
    if (known.applicationId === data.applicationId && known.entitlementKey === data.entitlementKey) return [];
    throw new DomainError('conflict', `assignment ${data.assignmentId} already exists for another entitlement`, {
      assignmentId: data.assignmentId,
    });
  }
  refuseAddition(command, state);
  return [{ type: 'AssignmentAdded', data }];
}

/** The invariants an addition must keep. */
function refuseAddition({ data }: AddAssignment, state: AssignmentsState): void {
  const entitlement = `${data.applicationId}/${data.entitlementKey}`;
  if (data.applicationId.trim() === '' || data.entitlementKey.trim() === '') {
    throw new DomainError('validation', 'an assignment names an application and an entitlement key; one of them is empty', {
      applicationId: data.applicationId,
      entitlementKey: data.entitlementKey,
    });
  }
  if (data.validUntil !== null && Date.parse(data.validUntil) <= Date.parse(data.validFrom)) {
    throw new DomainError('validation', `validUntil (${data.validUntil}) must be after validFrom (${data.validFrom})`, {
      validFrom: data.validFrom,
      validUntil: data.validUntil,
    });
  }
  if (state.identityId !== null && state.identityId !== data.identityId) {
    throw new DomainError('validation', `these assignments belong to identity ${state.identityId}, not ${data.identityId}`);
  }
  if (state.status === 'terminated') {
    throw new DomainError('illegal_state', `${entitlement} cannot be assigned: the identity was terminated (a rehire lifts this)`, {
      identityId: data.identityId,
      terminatedAt: state.terminatedAt,
    });
  }
  const held = holdsEntitlement(state, data.applicationId, data.entitlementKey);
  if (held) {
    throw new DomainError('conflict', `${entitlement} is already assigned (assignment ${held.assignmentId}, ${held.source.kind})`, {
      assignmentId: held.assignmentId,
    });
  }
}

function revokeAssignment({ data }: RevokeAssignment, state: AssignmentsState): readonly AssignmentsEvent[] {
  const assignment = state.assignments[data.assignmentId];
  if (!assignment || state.identityId === null) {
    throw new DomainError('not_found', `no assignment ${data.assignmentId} for this identity`, { assignmentId: data.assignmentId });
  }
  if (assignment.status === 'revoked') {
    throw new DomainError('illegal_state', `assignment ${data.assignmentId} is already revoked (${assignment.revocationReason})`, {
      assignmentId: data.assignmentId,
    });
  }
  const { assignmentId, applicationId, entitlementKey } = assignment;
  return [
    {
      type: 'AssignmentRevoked',
      data: { assignmentId, identityId: state.identityId, applicationId, entitlementKey, reason: data.reason, revokedAt: data.revokedAt },
    },
  ];
}

function markTerminated({ data }: MarkIdentityTerminated, state: AssignmentsState): readonly AssignmentsEvent[] {
  if (isReplayed(data.identityRevision, state)) return [];
  const { identityId, identityRevision, terminatedAt } = data;
  const revocations: AssignmentsEvent[] = activeAssignments(state).map(({ assignmentId, applicationId, entitlementKey }) => ({
    type: 'AssignmentRevoked',
    data: { assignmentId, identityId, applicationId, entitlementKey, reason: 'leaver', revokedAt: terminatedAt },
  }));
  return [...revocations, { type: 'IdentityMarkedTerminated', data: { identityId, identityRevision, terminatedAt } }];
}

function markRehired({ data }: MarkIdentityRehired, state: AssignmentsState): readonly AssignmentsEvent[] {
  // Nothing to lift: a rehire of someone never terminated here (or an older event read again).
  if (isReplayed(data.identityRevision, state) || state.status !== 'terminated') return [];
  return [{ type: 'IdentityMarkedRehired', data }];
}

/** A lifecycle event at or before the last one applied is being read again (a replay, a retry): it changes nothing. */
export function isReplayed(identityRevision: number, state: AssignmentsState): boolean {
  return state.lifecycleRevision !== null && identityRevision <= state.lifecycleRevision;
}
