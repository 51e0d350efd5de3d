import type { OperationAction, OperationPriority } from '@tenure/contracts';
import type { DriftRemediation } from '../application';
import { assertNever } from '../assert-never';
import type { DriftFinding, KnownDrift } from './drift';

/** What is done about one drift: an operation on the target, an adoption, or nothing until a person decides. */
export type RemediationPlan =
  | { readonly kind: 'operation'; readonly action: OperationAction; readonly priority: OperationPriority }
  | { readonly kind: 'adopt' }
  | { readonly kind: 'flag'; readonly reason: string }
  /** Seen again while someone (the policy or a person) already acted on it: nothing new to decide. */
  | { readonly kind: 'already-handled'; readonly status: string };

export type DriftFacts = Pick<DriftFinding, 'kind' | 'identityId' | 'identityStatus' | 'accountEnabled' | 'assignmentId'>;

export type TargetOperation =
  | { readonly possible: true; readonly action: OperationAction; readonly priority: OperationPriority }
  | { readonly possible: false; readonly reason: string };

/** The change to the target that makes it match the desired state for this drift. */
export function targetOperation(drift: DriftFacts): TargetOperation {
  // An outside grant or an account of a leaver is leaver work: it goes ahead of routine work.
  const priority: OperationPriority = drift.identityStatus === 'terminated' ? 'leaver' : 'routine';
  switch (drift.kind) {
    case 'orphaned-account':
      return drift.accountEnabled === false
        ? {
            possible: false,
            reason: 'the account is disabled already and Tenure does not delete accounts: delete it in the target, then dismiss the drift',
          }
        : { possible: true, action: 'disable-account', priority };
    case 'grant-outside-tenure':
      return { possible: true, action: 'revoke', priority };
    case 'missing-grant':
      return drift.identityId !== null && drift.assignmentId !== null
        ? { possible: true, action: 'grant', priority: 'routine' }
        : { possible: false, reason: 'a missing grant names no assignment to grant it for' };
    case 'attribute-drift':
      return drift.identityId !== null
        ? { possible: true, action: 'update-account', priority: 'routine' }
        : { possible: false, reason: 'attributes are corrected from an identity, and none matches this account' };
    default:
      return assertNever(drift.kind);
  }
}

/** Why this drift cannot be adopted, or null when it can. */
export function adoptionRefusal(drift: DriftFacts): string | null {
  if (drift.kind !== 'grant-outside-tenure') {
    return `only a grant made outside Tenure can be adopted (as an assignment), not ${ARTICLE[drift.kind]}`;
  }
  if (drift.identityId === null) return 'no identity matches the account that holds the grant: there is nobody to assign it to';
  if (drift.identityStatus === 'terminated') return 'the identity holding the grant is terminated: a leaver’s access is never adopted';
  return null;
}

const ARTICLE: Readonly<Record<DriftFinding['kind'], string>> = {
  'orphaned-account': 'an orphaned account',
  'grant-outside-tenure': 'a grant made outside Tenure',
  'missing-grant': 'a missing grant (revoke its assignment in the workflow service instead)',
  'attribute-drift': 'attribute drift (HR is the source of the attributes)',
};

/**
 * What the application's remediation setting does with a drift a run found.
 *
 * - revoke: every drift is fixed in the target. Missing grants are granted (the desired state is
 *   the truth), outside grants revoked, orphaned accounts disabled, attributes corrected.
 * - adopt: the target's extra access is accepted where it can be: outside grants of known, not
 *   terminated identities become assignments. What Tenure itself decided still stands: missing
 *   grants are granted and attributes corrected (adopting an absence would mean revoking an
 *   assignment, which only its source, a policy, a request or a review, may do). Orphaned accounts and
 *   grants nobody can be assigned are flagged.
 * - flag: reconciliation changes nothing in the target; every drift waits for an administrator.
 *   This is the mode for a new application whose first runs find years of history.
 *
 * A drift seen again keeps what was decided for it, unless it is still open: then the current
 * setting applies (an administrator who switched flag to revoke sees it fixed at the next run).
 */
export function automaticRemediation(remediation: DriftRemediation, drift: DriftFacts, known: KnownDrift | null = null): RemediationPlan {
  if (known !== null && !known.gone && known.status !== 'open') return { kind: 'already-handled', status: known.status };
  switch (remediation) {
    case 'flag':
      return { kind: 'flag', reason: 'the application’s remediation is flag: an administrator decides' };
    case 'revoke':
      return fixed(drift);
    case 'adopt': {
      if (drift.kind === 'missing-grant' || drift.kind === 'attribute-drift') return fixed(drift);
      const refusal = adoptionRefusal(drift);
      return refusal === null ? { kind: 'adopt' } : { kind: 'flag', reason: `not adopted: ${refusal}` };
    }
    default:
      return assertNever(remediation);
  }
}

function fixed(drift: DriftFacts): RemediationPlan {
  const operation = targetOperation(drift);
  return operation.possible
    ? { kind: 'operation', action: operation.action, priority: operation.priority }
    : { kind: 'flag', reason: operation.reason };
}
