import type { DomainEvent } from '@tenure/event-sourcing';
import type { DriftRemediation } from '../application';
import { assertNever } from '../assert-never';
import { NO_DRIFT, type DriftCounts, type DriftFinding } from './drift';

// One reconciliation run per stream, `reconciliation-<runId>`: what one reading of one
// application's target found. The accounts and grants read are not recorded (100,000 of them
// would be noise), only the drift, in batches, and the counts.

export type ReconciliationTrigger = 'administrator' | 'schedule';
export type TargetListing = 'accounts' | 'grants';

export type ReconciliationStarted = DomainEvent<
  'ReconciliationStarted',
  {
    readonly runId: string;
    readonly applicationId: string;
    readonly trigger: ReconciliationTrigger;
    /** The application's setting when the run started: what it did with the drift it found. */
    readonly remediation: DriftRemediation;
    readonly startedAt: string;
  }
>;

/** A listing cursor expired (the target said the cursor is invalid): the listing started over, once. */
export type ReconciliationListingRestarted = DomainEvent<
  'ReconciliationListingRestarted',
  { readonly runId: string; readonly listing: TargetListing; readonly reason: string; readonly restartedAt: string }
>;

/** One batch of drift, in the order the run found it. */
export type DriftDetected = DomainEvent<
  'DriftDetected',
  { readonly runId: string; readonly applicationId: string; readonly drift: readonly DriftFinding[]; readonly detectedAt: string }
>;

export interface RemediationCounts {
  /** Operations requested on the target. */
  readonly operations: number;
  readonly adoptions: number;
  /** Left for an administrator. */
  readonly flagged: number;
  /** Seen again, already acted on. */
  readonly alreadyHandled: number;
}

export type ReconciliationCompleted = DomainEvent<
  'ReconciliationCompleted',
  {
    readonly runId: string;
    readonly applicationId: string;
    readonly accountsSeen: number;
    readonly grantsSeen: number;
    /** Every drift found, by kind, new or seen before. */
    readonly drift: DriftCounts;
    /** Drift this run was the first to see. */
    readonly newDrift: number;
    readonly remediation: RemediationCounts;
    readonly listingRestarts: readonly TargetListing[];
    readonly durationMs: number;
    readonly completedAt: string;
  }
>;

export interface RunError {
  /** A connector error kind (`unavailable`, `auth`, `invalid`...), `internal`, or `abandoned` (the service stopped mid-run). */
  readonly kind: string;
  readonly message: string;
}

export type ReconciliationFailed = DomainEvent<
  'ReconciliationFailed',
  {
    readonly runId: string;
    readonly applicationId: string;
    readonly error: RunError;
    readonly durationMs: number;
    readonly failedAt: string;
  }
>;

export type ReconciliationRunEvent =
  ReconciliationStarted | ReconciliationListingRestarted | DriftDetected | ReconciliationCompleted | ReconciliationFailed;

interface RunProgress {
  readonly runId: string;
  readonly applicationId: string;
  readonly startedAt: string;
  readonly drift: DriftCounts;
  readonly newDrift: number;
  readonly remediation: RemediationCounts;
  readonly listingRestarts: readonly TargetListing[];
}

export type ReconciliationRunState =
  | { readonly status: 'none' }
  | (RunProgress & { readonly status: 'running' })
  | (RunProgress & { readonly status: 'completed'; readonly finishedAt: string })
  | (RunProgress & { readonly status: 'failed'; readonly finishedAt: string; readonly error: RunError });

const NO_REMEDIATION: RemediationCounts = { operations: 0, adoptions: 0, flagged: 0, alreadyHandled: 0 };

export function initialState(): ReconciliationRunState {
  return { status: 'none' };
}

export function evolve(state: ReconciliationRunState, event: ReconciliationRunEvent): ReconciliationRunState {
  switch (event.type) {
    case 'ReconciliationStarted': {
      const { runId, applicationId, startedAt } = event.data;
      return {
        status: 'running',
        runId,
        applicationId,
        startedAt,
        drift: NO_DRIFT,
        newDrift: 0,
        remediation: NO_REMEDIATION,
        listingRestarts: [],
      };
    }
    case 'ReconciliationListingRestarted':
      return state.status === 'running' ? { ...state, listingRestarts: [...state.listingRestarts, event.data.listing] } : state;
    case 'DriftDetected':
      return state.status === 'running' ? event.data.drift.reduce(counted, state) : state;
    case 'ReconciliationCompleted':
      return state.status === 'running' ? { ...state, status: 'completed', finishedAt: event.data.completedAt } : state;
    case 'ReconciliationFailed':
      return state.status === 'running' ? { ...state, status: 'failed', finishedAt: event.data.failedAt, error: event.data.error } : state;
    default:
      return assertNever(event);
  }
}

function counted<State extends RunProgress>(state: State, finding: DriftFinding): State {
  const { remediation } = state;
  const plan = finding.remediation.kind;
  return {
    ...state,
    drift: { ...state.drift, [finding.kind]: state.drift[finding.kind] + 1 },
    newDrift: state.newDrift + (finding.firstSeen ? 1 : 0),
    remediation: {
      operations: remediation.operations + (plan === 'operation' ? 1 : 0),
      adoptions: remediation.adoptions + (plan === 'adopt' ? 1 : 0),
      flagged: remediation.flagged + (plan === 'flag' ? 1 : 0),
      alreadyHandled: remediation.alreadyHandled + (plan === 'already-handled' ? 1 : 0),
    },
  };
}
