/**
 * The workflow service's assignments (each identity's desired access) as other contexts may rely
 * on them. Workflow owns one `assignments-<identityId>` stream per identity; the connector service
 * folds these events into the desired state it provisions and reconciles against.
 *
 * An assignment names one entitlement of one application (`applicationId`, `entitlementKey`, as in
 * the connector's catalog). Its `assignmentId` is stable for its life: the connector derives the
 * idempotency keys of the operations it causes from it.
 */

export const ASSIGNMENTS_STREAM_PREFIX = 'assignments-';

export function assignmentsStreamId(identityId: string): string {
  return `${ASSIGNMENTS_STREAM_PREFIX}${identityId}`;
}

/** Why an identity holds the entitlement: the evidence auditors ask for. */
export type AssignmentSourceKind = 'birthright' | 'request' | 'break-glass' | 'review' | 'exception' | 'adopted-drift';

export interface AssignmentSource {
  readonly kind: AssignmentSourceKind;
  /** The rule ids, the request id, the review id...: what to follow to see why. */
  readonly reference: string;
  /** The published policy version the decision used, when a policy decided. */
  readonly policyVersion: number | null;
}

/** Why an assignment ends. `leaver` revocations go ahead of routine work everywhere. */
export type AssignmentRevocationReason =
  'leaver' | 'no-longer-birthright' | 'expired' | 'review' | 'cancelled' | 'administrator' | 'drift-remediation';

interface Published<Type extends string, Data> {
  readonly type: Type;
  readonly data: Data;
}

export interface PublishedAssignmentRef {
  readonly assignmentId: string;
  readonly identityId: string;
  readonly applicationId: string;
  readonly entitlementKey: string;
}

/** The identity should hold the entitlement from `validFrom` (ISO time) until `validUntil` (null: no end). */
export type PublishedAssignmentAdded = Published<
  'AssignmentAdded',
  PublishedAssignmentRef & {
    readonly source: AssignmentSource;
    readonly validFrom: string;
    readonly validUntil: string | null;
    /**
     * A grant for a duration (just-in-time access): workflow sets its end once the grant is
     * acknowledged (acknowledgement + durationMs) and revokes it then; provisioning may ignore it.
     * Absent in events recorded before durations existed: read as null.
     */
    readonly durationMs?: number | null;
  }
>;

/** The identity should no longer hold it. */
export type PublishedAssignmentRevoked = Published<
  'AssignmentRevoked',
  PublishedAssignmentRef & { readonly reason: AssignmentRevocationReason; readonly revokedAt: string }
>;

export type PublishedAssignmentEvent = PublishedAssignmentAdded | PublishedAssignmentRevoked;

export const PUBLISHED_ASSIGNMENT_EVENT_TYPES: readonly PublishedAssignmentEvent['type'][] = ['AssignmentAdded', 'AssignmentRevoked'];

export function isPublishedAssignmentEvent(event: { readonly type: string }): event is PublishedAssignmentEvent {
  return (PUBLISHED_ASSIGNMENT_EVENT_TYPES as readonly string[]).includes(event.type);
}
