import type { AssignmentRevocationReason, AssignmentSource } from '@tenure/contracts';
import { DomainError } from '@tenure/event-sourcing';
import { assertNever } from '../assert-never';
import {
  blockingRuleIds,
  blockKey,
  heldAssignments,
  holdsEntitlement,
  type AssignmentsEvent,
  type AssignmentsState,
  type SodBlock,
} from './assignments.events';
import { acknowledgeProvisioning, acknowledgeRevocation, recordProvisioningFailure } from './provisioning.commands';
import type { AcknowledgeProvisioning, AcknowledgeRevocation, RecordProvisioningFailure } from './provisioning.commands';

export type { AcknowledgeProvisioning, AcknowledgeRevocation, RecordProvisioningFailure } from './provisioning.commands';

/**
 * Assign one entitlement (`applicationId` + the application's own `entitlementKey`). The id comes
 * from the caller's IdGenerator; times are ISO instants decided by the caller.
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
    /** A grant for a duration: validUntil is set to the provisioning acknowledgement + durationMs. Null: no duration. */
    readonly durationMs: number | null;
    /**
     * The blocking SoD violations (without a valid exception) the new combination would create,
     * computed by the caller with the SoD gate: any refuses the addition. Not recorded.
     */
    readonly sodBlocking: readonly SodBlock[];
  };
}

export interface RevokeAssignment {
  readonly type: 'RevokeAssignment';
  readonly data: { readonly assignmentId: string; readonly reason: AssignmentRevocationReason; readonly revokedAt: string };
}

/** An approved extension: `additionalMs` more for an active assignment that has an end. Once per request. */
export interface ExtendAssignment {
  readonly type: 'ExtendAssignment';
  readonly data: { readonly assignmentId: string; readonly additionalMs: number; readonly requestId: string; readonly extendedAt: string };
}

/** Raise a birthright addition that blocking SoD rules refused to administrators (once while the same block stands). */
export interface RecordAssignmentBlocked {
  readonly type: 'RecordAssignmentBlocked';
  readonly data: {
    readonly identityId: string;
    readonly applicationId: string;
    readonly entitlementKey: string;
    readonly source: AssignmentSource;
    readonly rules: readonly SodBlock[];
    readonly blockedAt: string;
  };
}

/** The leaver: every assignment held is revoked (reason `leaver`) and nothing can be added until a rehire. */
export interface MarkIdentityTerminated {
  readonly type: 'MarkIdentityTerminated';
  readonly data: { readonly identityId: string; readonly identityRevision: number; readonly terminatedAt: string };
}

/** A rehire lifts the termination. */
export interface MarkIdentityRehired {
  readonly type: 'MarkIdentityRehired';
  readonly data: { readonly identityId: string; readonly identityRevision: number; readonly rehiredAt: string };
}

export type AssignmentsCommand =
  | AddAssignment
  | RevokeAssignment
  | AcknowledgeProvisioning
  | AcknowledgeRevocation
  | RecordProvisioningFailure
  | ExtendAssignment
  | RecordAssignmentBlocked
  | MarkIdentityTerminated
  | MarkIdentityRehired;

export function decide(command: AssignmentsCommand, state: AssignmentsState): readonly AssignmentsEvent[] {
  switch (command.type) {
    case 'AddAssignment':
      return addAssignment(command, state);
    case 'RevokeAssignment':
      return revokeAssignment(command, state);
    case 'AcknowledgeProvisioning':
      return acknowledgeProvisioning(command, state);
    case 'AcknowledgeRevocation':
      return acknowledgeRevocation(command, state);
    case 'RecordProvisioningFailure':
      return recordProvisioningFailure(command, state);
    case 'ExtendAssignment':
      return extendAssignment(command, state);
    case 'RecordAssignmentBlocked':
      return recordBlocked(command, state);
    case 'MarkIdentityTerminated':
      return markTerminated(command, state);
    case 'MarkIdentityRehired':
      return markRehired(command, state);
    default:
      return assertNever(command);
  }
}

function addAssignment(command: AddAssignment, state: AssignmentsState): readonly AssignmentsEvent[] {
  const { sodBlocking: _checked, ...data } = command.data;
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
  const entitlement = blockKey(data.applicationId, data.entitlementKey);
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
  if (data.durationMs !== null && !(Number.isInteger(data.durationMs) && data.durationMs > 0)) {
    throw new DomainError('validation', `durationMs must be a positive whole number of milliseconds, not ${data.durationMs}`, {
      durationMs: data.durationMs,
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
  if (data.sodBlocking.length > 0) {
    const rules = data.sodBlocking.map((rule) => `${rule.ruleName} (${rule.ruleId})`).join(', ');
    throw new DomainError('conflict', `${entitlement} would break blocking separation-of-duties rules: ${rules}`, {
      entitlement,
      rules: data.sodBlocking.map(({ ruleId, ruleName, explanation }) => ({ ruleId, ruleName, explanation })),
    });
  }
}

function revokeAssignment({ data }: RevokeAssignment, state: AssignmentsState): readonly AssignmentsEvent[] {
  const assignment = state.assignments[data.assignmentId];
  if (!assignment || state.identityId === null) {
    throw new DomainError('not_found', `no assignment ${data.assignmentId} for this identity`, { assignmentId: data.assignmentId });
  }
  if (assignment.status === 'revoking' || assignment.status === 'revoked') {
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

function extendAssignment({ data }: ExtendAssignment, state: AssignmentsState): readonly AssignmentsEvent[] {
  const assignment = state.assignments[data.assignmentId];
  if (!assignment || state.identityId === null) {
    throw new DomainError('not_found', `no assignment ${data.assignmentId} for this identity`, { assignmentId: data.assignmentId });
  }
  if (assignment.extendedBy.includes(data.requestId)) return []; // this approval extended it already
  if (!(Number.isInteger(data.additionalMs) && data.additionalMs > 0)) {
    throw new DomainError('validation', `an extension adds a positive whole number of milliseconds, not ${data.additionalMs}`);
  }
  if (assignment.status !== 'active' || assignment.validUntil === null) {
    const why = assignment.status !== 'active' ? `it is ${assignment.status}` : 'it has no end';
    throw new DomainError('illegal_state', `assignment ${data.assignmentId} cannot be extended: ${why}`, {
      assignmentId: data.assignmentId,
      status: assignment.status,
    });
  }
  const validUntil = new Date(Date.parse(assignment.validUntil) + data.additionalMs).toISOString();
  const { assignmentId, requestId, extendedAt } = data;
  return [{ type: 'AssignmentExtended', data: { assignmentId, identityId: state.identityId, validUntil, requestId, extendedAt } }];
}

function recordBlocked({ data }: RecordAssignmentBlocked, state: AssignmentsState): readonly AssignmentsEvent[] {
  if (data.rules.length === 0) {
    throw new DomainError('validation', 'a block names at least one blocking SoD rule', {
      entitlement: blockKey(data.applicationId, data.entitlementKey),
    });
  }
  // Raised once: the same rules blocking the same entitlement are already in front of administrators.
  if (state.standingBlocks[blockKey(data.applicationId, data.entitlementKey)] === blockingRuleIds(data.rules)) return [];
  return [{ type: 'AssignmentBlocked', data }];
}

function markTerminated({ data }: MarkIdentityTerminated, state: AssignmentsState): readonly AssignmentsEvent[] {
  if (isReplayed(data.identityRevision, state)) return [];
  const { identityId, identityRevision, terminatedAt } = data;
  const revocations: AssignmentsEvent[] = heldAssignments(state).map(({ assignmentId, applicationId, entitlementKey }) => ({
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
