import type { EventStore } from '@tenure/event-sourcing';
import type { BirthrightDecision, PolicySubject } from '@tenure/policy-decisions';
import { assignmentsDecider, heldAssignments, type AssignmentsEvent, type SodBlock } from '../../domain/assignments';
import { birthrightChanges } from '../../domain/birthright';
import { assignmentsStreamId } from '../workflow-streams';
import type { SodGate } from './sod-gate';

/**
 * The SoD gate's answer for the birthright additions a re-evaluation would make: what the identity
 * holds now, less the birthright about to be revoked, against the new entitlements. Read just before
 * the process manager decides; a grant that lands in between is caught by its own gate, which then
 * sees this addition (both paths ask the same gate against what is recorded).
 */
export async function birthrightSodBlocks(
  store: EventStore,
  gate: SodGate,
  subject: PolicySubject,
  birthright: BirthrightDecision,
): Promise<ReadonlyMap<string, readonly SodBlock[]>> {
  const recorded = await store.readStream(assignmentsStreamId(subject.identityId));
  const assignments = recorded
    .map((event) => ({ type: event.type, data: event.data }) as AssignmentsEvent)
    .reduce(assignmentsDecider.evolve, assignmentsDecider.initialState());
  const { revocations, additions } = birthrightChanges(birthright, assignments);
  if (additions.length === 0) return new Map();
  const leaving = new Set(revocations.map((assignment) => assignment.assignmentId));
  const held = heldAssignments(assignments).filter((assignment) => !leaving.has(assignment.assignmentId));
  return gate.blockingFor(
    subject,
    held,
    additions.map(({ entitlement }) => ({ applicationId: entitlement.application, entitlementKey: entitlement.entitlement })),
  );
}
