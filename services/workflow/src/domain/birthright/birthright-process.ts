import type { PublishedIdentityStatus } from '@tenure/contracts';
import type { IdGenerator } from '@tenure/event-sourcing';
import type { BirthrightDecision, BirthrightEntitlement } from '@tenure/policy-decisions';
import { assertNever } from '../assert-never';
import { commands, ignored, type ProcessOutcome } from '../process-outcome';
import {
  activeAssignments,
  holdsEntitlement,
  isReplayed,
  type Assignment,
  type AssignmentsCommand,
  type AssignmentsState,
} from '../assignments';

/**
 * What the joiner / mover / leaver process reacts to, for one identity (application/birthright-scope.ts
 * reads these off the log). A hire and the start of a leave are not inputs: a pre-hire gets nothing
 * until activation, and someone on leave keeps their access as it is (see assignableBirthright).
 */
export type BirthrightInput =
  /** Leaver: the kill switch's desired state, nothing left assigned. */
  | { readonly type: 'IdentityTerminated'; readonly identityRevision: number }
  | { readonly type: 'IdentityRehired'; readonly identityRevision: number }
  /** Activation (joiner, rehire), a move or update, a return from leave, a new policy version, a new manager above. */
  | { readonly type: 'ReevaluateBirthright' };

/** What the process knows when it decides, read just before. */
export interface BirthrightFacts {
  readonly identityId: string;
  /** The identity's status as workflow's copy of the directory has it now; null while unknown. */
  readonly status: PublishedIdentityStatus | null;
  /** Its birthright under the latest valid published policy (see assignableBirthright); null before the first publication. */
  readonly birthright: BirthrightDecision | null;
  readonly assignments: AssignmentsState;
  readonly now: Date;
  /** Ids of new assignments. */
  readonly ids: IdGenerator;
}

/**
 * The process manager: an input and the facts in, commands to the identity's assignments out, or an
 * explicit reason to do nothing. Lifecycle inputs act once (the assignments remember the identity
 * revision they applied); a re-evaluation compares the birthright with what is assigned now, so it
 * can run any number of times and only ever asks for the difference.
 */
export function decideBirthright(input: BirthrightInput, facts: BirthrightFacts): ProcessOutcome {
  const { identityId, assignments, now } = facts;
  switch (input.type) {
    case 'IdentityTerminated':
      if (isReplayed(input.identityRevision, assignments)) return ignored(`lifecycle revision ${input.identityRevision} already applied`);
      return commands({
        type: 'MarkIdentityTerminated',
        data: { identityId, identityRevision: input.identityRevision, terminatedAt: now.toISOString() },
      });
    case 'IdentityRehired':
      if (isReplayed(input.identityRevision, assignments)) return ignored(`lifecycle revision ${input.identityRevision} already applied`);
      if (assignments.status !== 'terminated') return ignored('not terminated here: nothing to lift');
      return commands({
        type: 'MarkIdentityRehired',
        data: { identityId, identityRevision: input.identityRevision, rehiredAt: now.toISOString() },
      });
    case 'ReevaluateBirthright':
      return reevaluate(facts);
    default:
      return assertNever(input);
  }
}

function reevaluate(facts: BirthrightFacts): ProcessOutcome {
  const { status, birthright, assignments } = facts;
  switch (status) {
    case null:
      return ignored('not known to workflow yet');
    case 'pre-hire':
      return ignored('pre-hire: birthright is assigned at activation');
    case 'terminated':
      return ignored('terminated: the leaver revokes everything');
    case 'active':
    case 'on-leave': // decided as if active (assignableBirthright): a leave changes nothing by itself
      break;
    default:
      return assertNever(status);
  }
  // The directory copy may be ahead of the log position being processed: the rehire that lifts
  // this comes later in the log, and its activation re-evaluates then.
  if (assignments.status === 'terminated') return ignored('terminated here until the rehire is processed');
  if (birthright === null) return ignored('no valid policy published yet');

  const wanted = new Set(
    birthright.entitlements.map(({ entitlement }) => entitlementIdentity(entitlement.application, entitlement.entitlement)),
  );
  const revocations: AssignmentsCommand[] = activeAssignments(assignments)
    .filter((assignment) => assignment.source.kind === 'birthright' && !wanted.has(identityOf(assignment)))
    .map((assignment) => ({
      type: 'RevokeAssignment',
      data: { assignmentId: assignment.assignmentId, reason: 'no-longer-birthright', revokedAt: facts.now.toISOString() },
    }));
  // An entitlement already held from another source (a request, an exception) is not assigned twice.
  const additions: AssignmentsCommand[] = birthright.entitlements
    .filter(({ entitlement }) => !holdsEntitlement(assignments, entitlement.application, entitlement.entitlement))
    .map((granted) => addBirthright(granted, birthright.policyVersion, facts));
  if (revocations.length === 0 && additions.length === 0) {
    return ignored(`birthright under policy version ${birthright.policyVersion} is assigned already`);
  }
  // Revocations first: what goes away never counts against what comes (SoD checks, issue 6).
  return commands(...revocations, ...additions);
}

function addBirthright(granted: BirthrightEntitlement, policyVersion: number, facts: BirthrightFacts): AssignmentsCommand {
  const ruleIds = [...new Set(granted.reasons.map((reason) => reason.ruleId))].sort();
  return {
    type: 'AddAssignment',
    data: {
      assignmentId: facts.ids.newId(),
      identityId: facts.identityId,
      applicationId: granted.entitlement.application,
      entitlementKey: granted.entitlement.entitlement,
      source: { kind: 'birthright', reference: ruleIds.join(','), policyVersion },
      validFrom: facts.now.toISOString(),
      validUntil: null,
    },
  };
}

function identityOf(assignment: Assignment): string {
  return entitlementIdentity(assignment.applicationId, assignment.entitlementKey);
}

function entitlementIdentity(applicationId: string, entitlementKey: string): string {
  return `${applicationId}\u0000${entitlementKey}`;
}
