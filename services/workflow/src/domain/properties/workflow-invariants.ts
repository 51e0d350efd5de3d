import { blockKey, heldAssignments } from '../assignments';
import { identityIdOf, PEOPLE } from './workflow-organisation';
import type { WorkflowWorld } from './workflow-world';

// The invariants of issue 6, as violations found in the world (empty: all hold).

/** Hold after every action, whatever is still in flight. */
export function alwaysViolated(world: WorkflowWorld): string[] {
  return [
    ...world.processFailures.map((failure) => `a process was refused: ${failure}`),
    ...assignmentViolations(world),
    ...approvalViolations(world),
  ];
}

/**
 * A request made before its subject was terminated is not granted once workflow knows of the
 * termination, rehire or not (the assignments remember when the identity last left). Only checked in
 * a scenario: in random runs a fulfilment may legitimately add the grant before workflow has read
 * the termination, and the leaver flow then revokes it.
 */
export function grantAcrossTerminationViolated(world: WorkflowWorld): string[] {
  return world.grantedAcrossTermination.map((grant) => `${grant}: granted after its subject was terminated (the request predates it)`);
}

/** Hold right after the expiry timers due by now have fired. */
export function expiryViolated(world: WorkflowWorld): string[] {
  const violations: string[] = [];
  for (const [identityId, state] of world.assignments) {
    for (const assignment of heldAssignments(state)) {
      if (assignment.validUntil !== null && Date.parse(assignment.validUntil) <= world.now.getTime()) {
        violations.push(`${identityId}: ${assignment.assignmentId} is still ${assignment.status} after its end ${assignment.validUntil}`);
      }
    }
  }
  return violations;
}

/** Hold once every process has read everything: nobody terminated keeps anything; every grant is an assignment. */
export function settledViolated(world: WorkflowWorld): string[] {
  const violations: string[] = [];
  for (const employeeNumber of PEOPLE) {
    if (world.person(employeeNumber).status !== 'terminated') continue;
    const state = world.assignmentsOf(identityIdOf(employeeNumber));
    const held = heldAssignments(state).map((assignment) => assignment.assignmentId);
    if (held.length > 0) violations.push(`${employeeNumber} was terminated and still holds ${held.join(', ')}`);
  }
  for (const requestId of world.requests.keys()) {
    const request = world.requestState(requestId);
    if (request.status !== 'granted') continue;
    const assignment = world.assignmentsOf(request.identityId).assignments[request.assignmentId ?? ''];
    if (assignment?.source.reference !== requestId) violations.push(`${requestId} was granted without its assignment`);
  }
  return violations;
}

function assignmentViolations(world: WorkflowWorld): string[] {
  const violations: string[] = [];
  for (const [identityId, state] of world.assignments) {
    const held = heldAssignments(state);
    if (state.status === 'terminated' && held.length > 0) {
      violations.push(`${identityId} is terminated and holds ${held.map((assignment) => assignment.assignmentId).join(', ')}`);
    }
    const keys = held.map((assignment) => blockKey(assignment.applicationId, assignment.entitlementKey));
    const duplicates = keys.filter((key, i) => keys.indexOf(key) !== i);
    if (duplicates.length > 0) violations.push(`${identityId} holds ${duplicates.join(', ')} twice`);
  }
  return violations;
}

function approvalViolations(world: WorkflowWorld): string[] {
  const violations: string[] = [];
  for (const [requestId, events] of world.requests) {
    const request = world.requestState(requestId);
    if (request.status === 'none') continue;
    const parties = new Set([request.requesterEmployeeNumber, request.subjectEmployeeNumber]);
    const approvers: string[] = [];
    for (const event of events) {
      if (event.type === 'ApprovalGiven' && event.data.by.kind === 'person') approvers.push(event.data.by.employeeNumber);
      if (event.type === 'AccessRequestApproved' && event.data.how === 'approvals') {
        const undecided = request.steps.filter((step) => step.status !== 'approved').map((step) => step.index);
        if (undecided.length > 0) violations.push(`${requestId} was approved with steps ${undecided.join(', ')} not approved`);
      }
    }
    const byParty = approvers.filter((person) => parties.has(person));
    if (byParty.length > 0) violations.push(`${requestId} has an approval from its requester or subject (${byParty.join(', ')})`);
    const twice = approvers.filter((person, i) => approvers.indexOf(person) !== i);
    if (twice.length > 0) violations.push(`${requestId} was approved twice by ${twice.join(', ')}`);
  }
  return violations;
}
