import type { OperationAction, OperationPriority, PublishedDriftAdopted } from '@tenure/contracts';
import type { DomainEvent } from '@tenure/event-sourcing';
import { assertNever } from '../assert-never';
import type { DriftKind } from './drift';

// One stream per drift, `drift-<driftId>`: what was decided about it, by the application's setting
// or by an administrator. Finding it is recorded by the runs (DriftDetected); a drift nobody acted
// on has no stream. Each decision concerns one occurrence: a drift that went away and came back is
// decided anew.

export type DriftDecidedBy = 'policy' | 'administrator';

/** An operation on the target was requested to remove the drift (its outcome is in `operation-<operationId>`). */
export type DriftRemediationRequested = DomainEvent<
  'DriftRemediationRequested',
  {
    readonly driftId: string;
    readonly occurrence: number;
    readonly applicationId: string;
    readonly kind: DriftKind;
    readonly userName: string;
    readonly entitlementKey: string | null;
    readonly identityId: string | null;
    /**
     * Whose account: its user name is sealed under this person's key (docs/personal-data.md). Null for
     * an account no identity matches; absent from events recorded before it existed (they stay clear).
     */
    readonly employeeNumber?: string | null;
    readonly assignmentId: string | null;
    readonly operationId: string;
    readonly action: OperationAction;
    readonly priority: OperationPriority;
    readonly detectedInRunId: string;
    readonly decidedBy: DriftDecidedBy;
    readonly comment: string | null;
    readonly requestedAt: string;
  }
>;

/** Published (see @tenure/contracts drift-events): the workflow service makes it an assignment. */
export type DriftAdopted = DomainEvent<'DriftAdopted', PublishedDriftAdopted['data']>;

export type DriftDismissed = DomainEvent<
  'DriftDismissed',
  {
    readonly driftId: string;
    readonly occurrence: number;
    readonly applicationId: string;
    readonly comment: string;
    readonly dismissedAt: string;
  }
>;

export type DriftLifecycleEvent = DriftRemediationRequested | DriftAdopted | DriftDismissed;

export type DriftHandling = 'remediation-requested' | 'adopted' | 'dismissed';

export type DriftLifecycleState =
  | { readonly status: 'none' }
  /** The latest occurrence something was decided for, and what. */
  | { readonly status: 'decided'; readonly occurrence: number; readonly handling: DriftHandling; readonly at: string };

export function initialState(): DriftLifecycleState {
  return { status: 'none' };
}

export function evolve(_state: DriftLifecycleState, event: DriftLifecycleEvent): DriftLifecycleState {
  switch (event.type) {
    case 'DriftRemediationRequested':
      return { status: 'decided', occurrence: event.data.occurrence, handling: 'remediation-requested', at: event.data.requestedAt };
    case 'DriftAdopted':
      return { status: 'decided', occurrence: event.data.occurrence, handling: 'adopted', at: event.data.adoptedAt };
    case 'DriftDismissed':
      return { status: 'decided', occurrence: event.data.occurrence, handling: 'dismissed', at: event.data.dismissedAt };
    default:
      return assertNever(event);
  }
}
