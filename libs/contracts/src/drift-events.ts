/**
 * The connector service's reconciliation outcomes that other contexts act on. Reconciliation reads
 * what a target really holds and records the differences from the desired state as drift; each
 * drift has a stable id (from its application, kind, account and entitlement) and its own
 * `drift-<driftId>` stream for what was decided about it.
 *
 * `DriftAdopted`: a grant found in the target without an assignment was accepted as desired access
 * (by the application's remediation setting `adopt`, or by an administrator). The workflow service
 * turns it into an assignment with source `{ kind: 'adopted-drift', reference: adoptionId }`, once
 * per `adoptionId`, so that Tenure provisions, reviews and revokes it like any other access.
 * Only grants of identities that are not terminated are adopted.
 */

export const DRIFT_STREAM_PREFIX = 'drift-';

export function driftStreamId(driftId: string): string {
  return `${DRIFT_STREAM_PREFIX}${driftId}`;
}

interface Published<Type extends string, Data> {
  readonly type: Type;
  readonly data: Data;
}

export type PublishedDriftAdopted = Published<
  'DriftAdopted',
  {
    /**
     * The idempotency key of the adoption, `<driftId>:<occurrence>`: a drift that was adopted, went
     * away and came back is a new occurrence, adopted (or not) anew.
     */
    readonly adoptionId: string;
    readonly driftId: string;
    /** 1 for the first time the drift was seen, then one more each time it comes back after being gone. */
    readonly occurrence: number;
    readonly applicationId: string;
    readonly identityId: string;
    readonly employeeNumber: string;
    /** The account in the target that holds the grant. */
    readonly userName: string;
    readonly entitlementKey: string;
    /** The reconciliation run that found it. */
    readonly detectedInRunId: string;
    /** `policy`: the application's remediation setting is `adopt`; `administrator`: a person chose it (the event's actor). */
    readonly decidedBy: 'policy' | 'administrator';
    readonly comment: string | null;
    readonly adoptedAt: string;
  }
>;

export type PublishedDriftEvent = PublishedDriftAdopted;

export const PUBLISHED_DRIFT_EVENT_TYPES: readonly PublishedDriftEvent['type'][] = ['DriftAdopted'];

export function isPublishedDriftAdopted(event: { readonly type: string }): event is PublishedDriftAdopted {
  return event.type === 'DriftAdopted';
}
