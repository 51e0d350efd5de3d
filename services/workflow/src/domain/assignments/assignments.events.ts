import type { AssignmentRevocationReason, AssignmentSource } from '@tenure/contracts';
import type { DomainEvent } from '@tenure/event-sourcing';
import { assertNever } from '../assert-never';

// One identity's assignments (stream `assignments-<identityId>`): each identity's desired access.
// AssignmentAdded and AssignmentRevoked are published (@tenure/contracts, checked in
// application/workflow-streams.ts); every other event here is workflow's own.

/** A blocking SoD rule that refuses an addition (computed by the caller with the SoD gate). */
export interface SodBlock {
  readonly ruleId: string;
  readonly ruleName: string;
  readonly explanation: string;
}

export type AssignmentAdded = DomainEvent<
  'AssignmentAdded',
  {
    readonly assignmentId: string;
    readonly identityId: string;
    readonly applicationId: string;
    readonly entitlementKey: string;
    readonly source: AssignmentSource;
    readonly validFrom: string;
    readonly validUntil: string | null;
    /**
     * A grant for a duration (just-in-time access): its clock starts when provisioning is
     * acknowledged, so validUntil becomes acknowledgement + durationMs then. Absent in events
     * recorded before durations existed: read as null.
     */
    readonly durationMs?: number | null;
  }
>;

export type AssignmentRevoked = DomainEvent<
  'AssignmentRevoked',
  {
    readonly assignmentId: string;
    readonly identityId: string;
    readonly applicationId: string;
    readonly entitlementKey: string;
    readonly reason: AssignmentRevocationReason;
    readonly revokedAt: string;
  }
>;

/** The connector acknowledged the grant: the assignment is in force, and a duration's clock started (validUntil). */
export type AssignmentProvisioned = DomainEvent<
  'AssignmentProvisioned',
  {
    readonly assignmentId: string;
    readonly identityId: string;
    readonly operationId: string;
    readonly acknowledgedAt: string;
    readonly validUntil: string | null;
  }
>;

/** The connector acknowledged the revocation: the access is gone from the application. */
export type AssignmentRevocationAcknowledged = DomainEvent<
  'AssignmentRevocationAcknowledged',
  { readonly assignmentId: string; readonly identityId: string; readonly operationId: string; readonly acknowledgedAt: string }
>;

/**
 * The connector gave up on the grant (or the revoke, `action`) for now. The status does not change:
 * an administrator's retry that succeeds still provisions (or revokes) it.
 */
export type AssignmentProvisioningFailed = DomainEvent<
  'AssignmentProvisioningFailed',
  {
    readonly assignmentId: string;
    readonly identityId: string;
    readonly operationId: string;
    readonly action: 'grant' | 'revoke';
    readonly errorKind: string;
    readonly message: string;
    readonly failedAt: string;
  }
>;

/** An approved extension moved the end of an active assignment. */
export type AssignmentExtended = DomainEvent<
  'AssignmentExtended',
  {
    readonly assignmentId: string;
    readonly identityId: string;
    readonly validUntil: string;
    readonly requestId: string;
    readonly extendedAt: string;
  }
>;

/**
 * A birthright addition refused by blocking SoD rules, raised to administrators. Not recorded again
 * while the same block stands (same entitlement, same rules) and until the entitlement is assigned.
 */
export type AssignmentBlocked = DomainEvent<
  'AssignmentBlocked',
  {
    readonly identityId: string;
    readonly applicationId: string;
    readonly entitlementKey: string;
    readonly source: AssignmentSource;
    readonly rules: readonly SodBlock[];
    readonly blockedAt: string;
  }
>;

/**
 * The identity left: from now on nothing is assigned to it (its assignments were revoked, reason
 * `leaver`, in the same append). `identityRevision` is the termination's revision in the identity's
 * own stream: an older lifecycle event, read again, changes nothing.
 */
export type IdentityMarkedTerminated = DomainEvent<
  'IdentityMarkedTerminated',
  { readonly identityId: string; readonly identityRevision: number; readonly terminatedAt: string }
>;

/** Rehired: assignments may be added again (birthright comes with the activation, as for a joiner). */
export type IdentityMarkedRehired = DomainEvent<
  'IdentityMarkedRehired',
  { readonly identityId: string; readonly identityRevision: number; readonly rehiredAt: string }
>;

export type AssignmentsEvent =
  | AssignmentAdded
  | AssignmentRevoked
  | AssignmentProvisioned
  | AssignmentRevocationAcknowledged
  | AssignmentProvisioningFailed
  | AssignmentExtended
  | AssignmentBlocked
  | IdentityMarkedTerminated
  | IdentityMarkedRehired;

/**
 * `pending-provisioning` from the addition until the connector acknowledges the grant, `active`
 * then; `revoking` from the revocation until the connector acknowledges it, `revoked` then.
 */
export type AssignmentStatus = 'pending-provisioning' | 'active' | 'revoking' | 'revoked';

export interface ProvisioningFailure {
  readonly operationId: string;
  readonly action: 'grant' | 'revoke';
  readonly errorKind: string;
  readonly message: string;
  readonly failedAt: string;
}

export interface Assignment {
  readonly assignmentId: string;
  readonly applicationId: string;
  readonly entitlementKey: string;
  readonly source: AssignmentSource;
  readonly validFrom: string;
  readonly validUntil: string | null;
  readonly durationMs: number | null;
  readonly status: AssignmentStatus;
  readonly acknowledgedAt: string | null;
  readonly revocationReason: AssignmentRevocationReason | null;
  /** The last failure the connector reported, until an acknowledgement clears it. */
  readonly lastFailure: ProvisioningFailure | null;
  /** Requests whose extension was applied: the same approval never extends twice. */
  readonly extendedBy: readonly string[];
}

interface StateBase {
  readonly identityId: string | null;
  /** Every assignment ever added, by id (revoked ones too: an id is never reused). */
  readonly assignments: Readonly<Record<string, Assignment>>;
  /** Revision, in the identity's stream, of the last termination or rehire applied here; null before any. */
  readonly lifecycleRevision: number | null;
  /** Standing SoD blocks by `applicationId/entitlementKey`: the blocking rule ids, sorted and joined. */
  readonly standingBlocks: Readonly<Record<string, string>>;
  /**
   * When the identity last left (kept after a rehire): something decided before that, such as a
   * request approved in a previous employment, must not be granted now.
   */
  readonly lastTerminatedAt: string | null;
}

/** `assignable` until the identity is terminated; a rehire makes it assignable again. */
export type AssignmentsState =
  (StateBase & { readonly status: 'assignable' }) | (StateBase & { readonly status: 'terminated'; readonly terminatedAt: string });

export function initialState(): AssignmentsState {
  return { status: 'assignable', identityId: null, assignments: {}, lifecycleRevision: null, standingBlocks: {}, lastTerminatedAt: null };
}

export function evolve(state: AssignmentsState, event: AssignmentsEvent): AssignmentsState {
  switch (event.type) {
    case 'AssignmentAdded': {
      const { assignmentId, identityId, applicationId, entitlementKey, source, validFrom, validUntil } = event.data;
      const added: Assignment = {
        assignmentId,
        applicationId,
        entitlementKey,
        source,
        validFrom,
        validUntil,
        durationMs: event.data.durationMs ?? null,
        status: 'pending-provisioning',
        acknowledgedAt: null,
        revocationReason: null,
        lastFailure: null,
        extendedBy: [],
      };
      const { [blockKey(applicationId, entitlementKey)]: _lifted, ...standingBlocks } = state.standingBlocks;
      return { ...state, identityId, assignments: { ...state.assignments, [assignmentId]: added }, standingBlocks };
    }
    case 'AssignmentRevoked':
      return update(state, event.data.assignmentId, { status: 'revoking', revocationReason: event.data.reason });
    case 'AssignmentProvisioned': {
      const { assignmentId, acknowledgedAt, validUntil } = event.data;
      return update(state, assignmentId, { status: 'active', acknowledgedAt, validUntil, lastFailure: null });
    }
    case 'AssignmentRevocationAcknowledged':
      return update(state, event.data.assignmentId, { status: 'revoked', lastFailure: null });
    case 'AssignmentProvisioningFailed': {
      const { assignmentId, operationId, action, errorKind, message, failedAt } = event.data;
      return update(state, assignmentId, { lastFailure: { operationId, action, errorKind, message, failedAt } });
    }
    case 'AssignmentExtended': {
      const { assignmentId, validUntil, requestId } = event.data;
      const extendedBy = [...(state.assignments[assignmentId]?.extendedBy ?? []), requestId];
      return update(state, assignmentId, { validUntil, extendedBy });
    }
    case 'AssignmentBlocked': {
      const { identityId, applicationId, entitlementKey, rules } = event.data;
      return {
        ...state,
        identityId,
        standingBlocks: { ...state.standingBlocks, [blockKey(applicationId, entitlementKey)]: blockingRuleIds(rules) },
      };
    }
    case 'IdentityMarkedTerminated': {
      const { identityId, identityRevision, terminatedAt } = event.data;
      return {
        ...state,
        status: 'terminated',
        identityId,
        lifecycleRevision: identityRevision,
        terminatedAt,
        lastTerminatedAt: terminatedAt,
      };
    }
    case 'IdentityMarkedRehired': {
      const { identityId, identityRevision } = event.data;
      const { assignments, standingBlocks, lastTerminatedAt } = state;
      return { status: 'assignable', identityId, assignments, lifecycleRevision: identityRevision, standingBlocks, lastTerminatedAt };
    }
    default:
      return assertNever(event);
  }
}

function update(state: AssignmentsState, assignmentId: string, changes: Partial<Assignment>): AssignmentsState {
  const known = state.assignments[assignmentId];
  if (!known) return state;
  return { ...state, assignments: { ...state.assignments, [assignmentId]: { ...known, ...changes } } };
}

/** Held: counts for duplicates, SoD and reviews, from the addition until the revocation (acknowledged or not). */
export function isHeld(assignment: Assignment): boolean {
  return assignment.status === 'pending-provisioning' || assignment.status === 'active';
}

/** The assignments held (pending provisioning or active), in the order they were added. */
export function heldAssignments(state: AssignmentsState): Assignment[] {
  return Object.values(state.assignments).filter(isHeld);
}

/** Same as `heldAssignments`: the name predates the provisioning statuses, and callers rely on "in force" meaning held. */
export const activeAssignments = heldAssignments;

/** Whether this entitlement is already held (from any source). */
export function holdsEntitlement(state: AssignmentsState, applicationId: string, entitlementKey: string): Assignment | undefined {
  return heldAssignments(state).find(
    (assignment) => assignment.applicationId === applicationId && assignment.entitlementKey === entitlementKey,
  );
}

export function blockKey(applicationId: string, entitlementKey: string): string {
  return `${applicationId}/${entitlementKey}`;
}

export function blockingRuleIds(rules: readonly SodBlock[]): string {
  return [...new Set(rules.map((rule) => rule.ruleId))].sort().join(',');
}
