import type { AssignmentSource, PublishedIdentityStatus } from '@tenure/contracts';
import type { IdGenerator } from '@tenure/event-sourcing';
import type { BirthrightDecision, BirthrightEntitlement } from '@tenure/policy-decisions';
import { assertNever } from '../assert-never';
import { commands, ignored, type ProcessOutcome } from '../process-outcome';
import {
  blockKey,
  heldAssignments,
  holdsEntitlement,
  isReplayed,
  type Assignment,
  type AssignmentsCommand,
  type AssignmentsState,
  type SodBlock,
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
  /**
   * Preventive SoD: for the additions `birthrightChanges` names, the blocking rules each would break
   * (the SoD gate's answer, by `${applicationId}/${entitlementKey}`). A blocked addition is raised
   * to administrators instead of assigned. Absent or missing key: nothing blocks it.
   */
  readonly sodBlocks?: ReadonlyMap<string, readonly SodBlock[]>;
}

/** What a re-evaluation would change: the birthright assignments to revoke, and the birthright entitlements not held yet. */
export interface BirthrightChanges {
  readonly revocations: readonly Assignment[];
  readonly additions: readonly BirthrightEntitlement[];
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

  const changes = birthrightChanges(birthright, assignments);
  const revocations: AssignmentsCommand[] = changes.revocations.map((assignment) => ({
    type: 'RevokeAssignment',
    data: { assignmentId: assignment.assignmentId, reason: 'no-longer-birthright', revokedAt: facts.now.toISOString() },
  }));
  const additions: AssignmentsCommand[] = changes.additions.map((granted) => addOrRaise(granted, birthright.policyVersion, facts));
  if (revocations.length === 0 && additions.length === 0) {
    return ignored(`birthright under policy version ${birthright.policyVersion} is assigned already`);
  }
  // Revocations first: what goes away never counts against what comes (the SoD gate leaves them out too).
  return commands(...revocations, ...additions);
}

/** The difference between the birthright and what is held: used to decide, and by the caller to ask the SoD gate about the additions first. */
export function birthrightChanges(birthright: BirthrightDecision, assignments: AssignmentsState): BirthrightChanges {
  const wanted = new Set(
    birthright.entitlements.map(({ entitlement }) => entitlementIdentity(entitlement.application, entitlement.entitlement)),
  );
  const revocations = heldAssignments(assignments).filter(
    (assignment) => assignment.source.kind === 'birthright' && !wanted.has(identityOf(assignment)),
  );
  // An entitlement already held from another source (a request, an exception) is not assigned twice.
  const additions = birthright.entitlements.filter(
    ({ entitlement }) => !holdsEntitlement(assignments, entitlement.application, entitlement.entitlement),
  );
  return { revocations, additions };
}

/** An addition the SoD gate let through is assigned; a blocked one is raised to administrators (once while the block stands). */
function addOrRaise(granted: BirthrightEntitlement, policyVersion: number, facts: BirthrightFacts): AssignmentsCommand {
  const rules = facts.sodBlocks?.get(blockKey(granted.entitlement.application, granted.entitlement.entitlement)) ?? [];
  if (rules.length === 0) return addBirthright(granted, policyVersion, facts);
  return {
    type: 'RecordAssignmentBlocked',
    data: {
      identityId: facts.identityId,
      applicationId: granted.entitlement.application,
      entitlementKey: granted.entitlement.entitlement,
      source: birthrightSource(granted, policyVersion),
      rules,
      blockedAt: facts.now.toISOString(),
    },
  };
}

function birthrightSource(granted: BirthrightEntitlement, policyVersion: number): AssignmentSource {
  const ruleIds = [...new Set(granted.reasons.map((reason) => reason.ruleId))].sort();
  return { kind: 'birthright', reference: ruleIds.join(','), policyVersion };
}

function addBirthright(granted: BirthrightEntitlement, policyVersion: number, facts: BirthrightFacts): AssignmentsCommand {
  return {
    type: 'AddAssignment',
    data: {
      assignmentId: facts.ids.newId(),
      identityId: facts.identityId,
      applicationId: granted.entitlement.application,
      entitlementKey: granted.entitlement.entitlement,
      source: birthrightSource(granted, policyVersion),
      validFrom: facts.now.toISOString(),
      validUntil: null,
      durationMs: null,
      sodBlocking: [],
    },
  };
}

function identityOf(assignment: Assignment): string {
  return entitlementIdentity(assignment.applicationId, assignment.entitlementKey);
}

function entitlementIdentity(applicationId: string, entitlementKey: string): string {
  return `${applicationId}\u0000${entitlementKey}`;
}
