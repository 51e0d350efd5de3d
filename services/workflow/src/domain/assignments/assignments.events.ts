import type { AssignmentRevocationReason, AssignmentSource } from '@tenure/contracts';
import type { DomainEvent } from '@tenure/event-sourcing';
import { assertNever } from '../assert-never';

// One identity's assignments (stream `assignments-<identityId>`): each identity's desired access.
// AssignmentAdded and AssignmentRevoked are published (@tenure/contracts, checked in
// application/workflow-streams.ts); the termination marks are workflow's own.

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

export type AssignmentsEvent = AssignmentAdded | AssignmentRevoked | IdentityMarkedTerminated | IdentityMarkedRehired;

/**
 * One assignment. Issue 6 proper adds the provisioning statuses (`pending-provisioning` until the
 * connector acknowledges, `revoking` until the revocation is acknowledged) from the connector's
 * outcome events; for now an assignment is active from the moment it is added.
 */
export interface Assignment {
  readonly assignmentId: string;
  readonly applicationId: string;
  readonly entitlementKey: string;
  readonly source: AssignmentSource;
  readonly validFrom: string;
  readonly validUntil: string | null;
  readonly status: 'active' | 'revoked';
  readonly revocationReason: AssignmentRevocationReason | null;
}

interface StateBase {
  readonly identityId: string | null;
  /** Every assignment ever added, by id (revoked ones too: an id is never reused). */
  readonly assignments: Readonly<Record<string, Assignment>>;
  /** Revision, in the identity's stream, of the last termination or rehire applied here; null before any. */
  readonly lifecycleRevision: number | null;
}

/** `assignable` until the identity is terminated; a rehire makes it assignable again. */
export type AssignmentsState =
  (StateBase & { readonly status: 'assignable' }) | (StateBase & { readonly status: 'terminated'; readonly terminatedAt: string });

export function initialState(): AssignmentsState {
  return { status: 'assignable', identityId: null, assignments: {}, lifecycleRevision: null };
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
        status: 'active',
        revocationReason: null,
      };
      return { ...state, identityId, assignments: { ...state.assignments, [assignmentId]: added } };
    }
    case 'AssignmentRevoked': {
      const { assignmentId, reason } = event.data;
      const revoked = state.assignments[assignmentId];
      if (!revoked) return state;
      return {
        ...state,
        assignments: { ...state.assignments, [assignmentId]: { ...revoked, status: 'revoked', revocationReason: reason } },
      };
    }
    case 'IdentityMarkedTerminated': {
      const { identityId, identityRevision, terminatedAt } = event.data;
      return { ...state, status: 'terminated', identityId, lifecycleRevision: identityRevision, terminatedAt };
    }
    case 'IdentityMarkedRehired': {
      const { identityId, identityRevision } = event.data;
      return { status: 'assignable', identityId, assignments: state.assignments, lifecycleRevision: identityRevision };
    }
    default:
      return assertNever(event);
  }
}

/** The assignments currently in force, in the order they were added. */
export function activeAssignments(state: AssignmentsState): Assignment[] {
  return Object.values(state.assignments).filter((assignment) => assignment.status === 'active');
}

/** Whether this entitlement is already assigned and in force (from any source). */
export function holdsEntitlement(state: AssignmentsState, applicationId: string, entitlementKey: string): Assignment | undefined {
  return activeAssignments(state).find(
    (assignment) => assignment.applicationId === applicationId && assignment.entitlementKey === entitlementKey,
  );
}
