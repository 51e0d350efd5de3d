import { DomainError } from '@tenure/event-sourcing';
import { assertNever } from '../assert-never';
import { driftOperationId } from '../operation/operation-ids';
import type { DriftFinding } from './drift';
import type { DriftLifecycleEvent, DriftLifecycleState } from './drift-lifecycle.events';
import { adoptionRefusal, targetOperation, type RemediationPlan } from './remediation-plan';

/** The drift as found (one occurrence of it), with the run that found it. */
export type DriftToRemediate = Omit<DriftFinding, 'firstSeen' | 'remediation' | 'reason' | 'differences'> & {
  readonly detectedInRunId: string;
};

export type AdministratorAction = 'revoke' | 'adopt' | 'dismiss';

export type DriftDecision =
  /** What the run decided with the application's setting (only operations and adoptions record anything). */
  | { readonly by: 'policy'; readonly plan: RemediationPlan }
  | { readonly by: 'administrator'; readonly action: AdministratorAction; readonly comment: string };

export interface RemediateDrift {
  readonly type: 'RemediateDrift';
  readonly data: { readonly drift: DriftToRemediate; readonly decision: DriftDecision; readonly now: Date };
}

export type DriftLifecycleCommand = RemediateDrift;

/** One operation per occurrence: a drift remediated, gone and back is remediated by a new operation. */
export function remediationOperationId(driftId: string, occurrence: number): string {
  return driftOperationId(`${driftId}:${occurrence}`);
}

export function decide(command: DriftLifecycleCommand, state: DriftLifecycleState): readonly DriftLifecycleEvent[] {
  const { drift, decision, now } = command.data;
  const name = `drift ${drift.driftId} (${drift.kind} of ${drift.userName}${drift.entitlementKey ? `, ${drift.entitlementKey}` : ''})`;
  if (state.status === 'decided' && state.occurrence > drift.occurrence) {
    throw new DomainError('illegal_state', `${name} went away and came back since: act on what the last run found`, {
      driftId: drift.driftId,
    });
  }
  const decided = state.status === 'decided' && state.occurrence === drift.occurrence ? state : null;
  if (decision.by === 'policy') {
    // A run that sees a drift again after a crash between its operation and this event asks again: nothing more.
    if (decided) return [];
    switch (decision.plan.kind) {
      case 'operation':
        return [requested(drift, 'policy', null, now)];
      case 'adopt':
        return [adopted(drift, 'policy', null, now)];
      case 'flag':
      case 'already-handled':
        return [];
      default:
        return assertNever(decision.plan);
    }
  }
  const comment = decision.comment.trim();
  if (comment === '') {
    throw new DomainError('validation', `say why ${name} is remediated this way: a comment is required`, { field: 'comment' });
  }
  // A remediation that did not stick (its operation was dismissed, or keeps failing) may still be dismissed.
  if (decided && !(decided.handling === 'remediation-requested' && decision.action === 'dismiss')) {
    throw new DomainError('illegal_state', `${name} was already ${PAST[decided.handling]} at ${decided.at}`, {
      driftId: drift.driftId,
      handling: decided.handling,
    });
  }
  switch (decision.action) {
    case 'revoke': {
      const operation = targetOperation(drift);
      if (!operation.possible) {
        throw new DomainError('illegal_state', `${name} cannot be fixed in the target: ${operation.reason}`, { driftId: drift.driftId });
      }
      return [requested(drift, 'administrator', comment, now)];
    }
    case 'adopt': {
      const refusal = adoptionRefusal(drift);
      if (refusal !== null) throw new DomainError('illegal_state', `${name} cannot be adopted: ${refusal}`, { driftId: drift.driftId });
      return [adopted(drift, 'administrator', comment, now)];
    }
    case 'dismiss':
      return [
        {
          type: 'DriftDismissed',
          data: {
            driftId: drift.driftId,
            occurrence: drift.occurrence,
            applicationId: drift.applicationId,
            comment,
            dismissedAt: now.toISOString(),
          },
        },
      ];
    default:
      return assertNever(decision.action);
  }
}

const PAST = { 'remediation-requested': 'remediated (an operation was requested)', adopted: 'adopted', dismissed: 'dismissed' } as const;

function requested(drift: DriftToRemediate, decidedBy: 'policy' | 'administrator', comment: string | null, now: Date): DriftLifecycleEvent {
  const operation = targetOperation(drift);
  if (!operation.possible) throw new DomainError('illegal_state', operation.reason, { driftId: drift.driftId });
  return {
    type: 'DriftRemediationRequested',
    data: {
      driftId: drift.driftId,
      occurrence: drift.occurrence,
      applicationId: drift.applicationId,
      kind: drift.kind,
      userName: drift.userName,
      entitlementKey: drift.entitlementKey,
      identityId: drift.identityId,
      employeeNumber: drift.employeeNumber,
      assignmentId: drift.assignmentId,
      operationId: remediationOperationId(drift.driftId, drift.occurrence),
      action: operation.action,
      priority: operation.priority,
      detectedInRunId: drift.detectedInRunId,
      decidedBy,
      comment,
      requestedAt: now.toISOString(),
    },
  };
}

function adopted(drift: DriftToRemediate, decidedBy: 'policy' | 'administrator', comment: string | null, now: Date): DriftLifecycleEvent {
  const refusal = adoptionRefusal(drift);
  if (refusal !== null || drift.identityId === null || drift.employeeNumber === null || drift.entitlementKey === null) {
    throw new DomainError('illegal_state', refusal ?? 'an adopted grant needs an identity and an entitlement', { driftId: drift.driftId });
  }
  return {
    type: 'DriftAdopted',
    data: {
      adoptionId: `${drift.driftId}:${drift.occurrence}`,
      driftId: drift.driftId,
      occurrence: drift.occurrence,
      applicationId: drift.applicationId,
      identityId: drift.identityId,
      employeeNumber: drift.employeeNumber,
      userName: drift.userName,
      entitlementKey: drift.entitlementKey,
      detectedInRunId: drift.detectedInRunId,
      decidedBy,
      comment,
      adoptedAt: now.toISOString(),
    },
  };
}
