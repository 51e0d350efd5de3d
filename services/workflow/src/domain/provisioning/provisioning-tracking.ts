import type { PublishedDriftAdopted, PublishedOperationOutcome } from '@tenure/contracts';
import { holdsEntitlement, type AssignmentsState } from '../assignments';
import { commands, ignored, type ProcessOutcome } from '../process-outcome';

/**
 * The connector's outcome for one operation, as commands to the assignment that caused it. Decided
 * from the assignment's state, so reading the same outcome again asks for nothing.
 */
export function decideOperationOutcome(outcome: PublishedOperationOutcome, state: AssignmentsState): ProcessOutcome {
  const { assignmentId, operationId } = outcome.data;
  if (assignmentId === null) return ignored('account work, not an assignment');
  const assignment = state.assignments[assignmentId];
  if (!assignment) return ignored(`no assignment ${assignmentId} here`);
  switch (outcome.type) {
    case 'EntitlementGranted':
      if (assignment.status !== 'pending-provisioning') return ignored(`grant acknowledged while ${assignment.status}`);
      return commands({ type: 'AcknowledgeProvisioning', data: { assignmentId, operationId, acknowledgedAt: outcome.data.completedAt } });
    case 'EntitlementRevoked':
      if (assignment.status !== 'revoking') return ignored(`revocation acknowledged while ${assignment.status}`);
      return commands({ type: 'AcknowledgeRevocation', data: { assignmentId, operationId, acknowledgedAt: outcome.data.completedAt } });
    case 'OperationFailed': {
      const { action, errorKind, message, failedAt } = outcome.data;
      if (action !== 'grant' && action !== 'revoke') return ignored(`${action} is not assignment work`);
      const awaited = action === 'grant' ? 'pending-provisioning' : 'revoking';
      if (assignment.status !== awaited) return ignored(`${action} failed while ${assignment.status}`);
      const last = assignment.lastFailure;
      if (last?.operationId === operationId && last.failedAt === failedAt) return ignored('failure recorded already');
      return commands({ type: 'RecordProvisioningFailure', data: { assignmentId, operationId, action, errorKind, message, failedAt } });
    }
    default:
      return ignored(`${outcome.type} changes no assignment`);
  }
}

/**
 * A grant found in the application and adopted by the connector becomes an assignment (source
 * `adopted-drift`, reference the adoption id), once per adoption id, never for a terminated identity.
 */
export function decideDriftAdoption(adoption: PublishedDriftAdopted, state: AssignmentsState, assignmentId: string): ProcessOutcome {
  const { adoptionId, identityId, applicationId, entitlementKey, adoptedAt } = adoption.data;
  if (state.status === 'terminated') return ignored('terminated: nothing is assigned to a leaver');
  const adopted = Object.values(state.assignments).find(
    (assignment) => assignment.source.kind === 'adopted-drift' && assignment.source.reference === adoptionId,
  );
  if (adopted) return ignored(`adoption ${adoptionId} made assignment ${adopted.assignmentId} already`);
  const held = holdsEntitlement(state, applicationId, entitlementKey);
  if (held) return ignored(`already held (assignment ${held.assignmentId}, ${held.source.kind})`);
  return commands({
    type: 'AddAssignment',
    data: {
      assignmentId,
      identityId,
      applicationId,
      entitlementKey,
      source: { kind: 'adopted-drift', reference: adoptionId, policyVersion: null },
      validFrom: adoptedAt,
      validUntil: null,
      durationMs: null,
      // Not gated here: the grant exists in the application already, and adopting records what is;
      // a combination it completes is for detective SoD to report.
      sodBlocking: [],
    },
  });
}
