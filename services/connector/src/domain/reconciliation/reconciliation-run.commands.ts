import { DomainError } from '@tenure/event-sourcing';
import type { DriftRemediation } from '../application';
import { assertNever } from '../assert-never';
import type { DriftFinding } from './drift';
import type {
  ReconciliationRunEvent,
  ReconciliationRunState,
  ReconciliationTrigger,
  RunError,
  TargetListing,
} from './reconciliation-run.events';

export interface StartReconciliation {
  readonly type: 'StartReconciliation';
  readonly data: {
    readonly runId: string;
    readonly applicationId: string;
    readonly trigger: ReconciliationTrigger;
    readonly remediation: DriftRemediation;
    readonly now: Date;
  };
}

export interface RestartListing {
  readonly type: 'RestartListing';
  readonly data: { readonly listing: TargetListing; readonly reason: string; readonly now: Date };
}

export interface RecordDrift {
  readonly type: 'RecordDrift';
  readonly data: { readonly drift: readonly DriftFinding[]; readonly now: Date };
}

export interface CompleteReconciliation {
  readonly type: 'CompleteReconciliation';
  readonly data: { readonly accountsSeen: number; readonly grantsSeen: number; readonly now: Date };
}

export interface FailReconciliation {
  readonly type: 'FailReconciliation';
  readonly data: { readonly error: RunError; readonly now: Date };
}

export type ReconciliationRunCommand = StartReconciliation | RestartListing | RecordDrift | CompleteReconciliation | FailReconciliation;

export function decide(command: ReconciliationRunCommand, state: ReconciliationRunState): readonly ReconciliationRunEvent[] {
  switch (command.type) {
    case 'StartReconciliation': {
      const { runId, applicationId, trigger, remediation, now } = command.data;
      if (state.status !== 'none') throw new DomainError('conflict', `reconciliation run ${runId} was started already`, { runId });
      return [{ type: 'ReconciliationStarted', data: { runId, applicationId, trigger, remediation, startedAt: now.toISOString() } }];
    }
    case 'RestartListing': {
      const { listing, reason, now } = command.data;
      const run = running(state, `restarting the listing of ${listing}`);
      // Once: a target whose cursors expire again and again will not finish a listing by retrying it.
      if (run.listingRestarts.includes(listing)) {
        throw new DomainError(
          'illegal_state',
          `reconciliation run ${run.runId}: the listing of ${listing} was restarted once already and failed again: ${reason}`,
          { runId: run.runId, listing },
        );
      }
      return [{ type: 'ReconciliationListingRestarted', data: { runId: run.runId, listing, reason, restartedAt: now.toISOString() } }];
    }
    case 'RecordDrift': {
      const { drift, now } = command.data;
      const run = running(state, 'recording drift');
      if (drift.length === 0) return [];
      const foreign = drift.find((finding) => finding.applicationId !== run.applicationId);
      if (foreign) {
        throw new DomainError('validation', `reconciliation run ${run.runId} reads ${run.applicationId}, not ${foreign.applicationId}`, {
          runId: run.runId,
        });
      }
      return [
        { type: 'DriftDetected', data: { runId: run.runId, applicationId: run.applicationId, drift, detectedAt: now.toISOString() } },
      ];
    }
    case 'CompleteReconciliation': {
      const { accountsSeen, grantsSeen, now } = command.data;
      const run = running(state, 'completing');
      return [
        {
          type: 'ReconciliationCompleted',
          data: {
            runId: run.runId,
            applicationId: run.applicationId,
            accountsSeen,
            grantsSeen,
            drift: run.drift,
            newDrift: run.newDrift,
            remediation: run.remediation,
            listingRestarts: run.listingRestarts,
            durationMs: durationMs(run.startedAt, now),
            completedAt: now.toISOString(),
          },
        },
      ];
    }
    case 'FailReconciliation': {
      const { error, now } = command.data;
      const run = running(state, 'failing');
      return [
        {
          type: 'ReconciliationFailed',
          data: {
            runId: run.runId,
            applicationId: run.applicationId,
            error,
            durationMs: durationMs(run.startedAt, now),
            failedAt: now.toISOString(),
          },
        },
      ];
    }
    default:
      return assertNever(command);
  }
}

function running(state: ReconciliationRunState, doing: string): Extract<ReconciliationRunState, { status: 'running' }> {
  if (state.status === 'running') return state;
  if (state.status === 'none') throw new DomainError('not_found', `no reconciliation run to go on ${doing}`);
  throw new DomainError('illegal_state', `reconciliation run ${state.runId} is ${state.status}: ${doing} is too late`, {
    runId: state.runId,
  });
}

function durationMs(startedAt: string, now: Date): number {
  return Math.max(0, now.getTime() - new Date(startedAt).getTime());
}
