import type { AssignmentView } from '../../read-model/workflow-assignments/workflow-assignments.queries';
import { AssignmentRevocationReason, AssignmentSourceKind, AssignmentStatus } from './assignment-enums';
import { Assignment, AssignmentSource } from './assignment.type';

export function toAssignment(view: AssignmentView): Assignment {
  const source = Object.assign(new AssignmentSource(), {
    kind: view.source.kind as AssignmentSourceKind,
    reference: view.source.reference,
    policyVersion: view.source.policyVersion,
  });
  return Object.assign(new Assignment(), {
    id: view.assignmentId,
    applicationId: view.applicationId,
    entitlementKey: view.entitlementKey,
    source,
    validFrom: view.validFrom,
    validUntil: view.validUntil,
    status: view.status as AssignmentStatus,
    revocationReason: view.revocationReason as AssignmentRevocationReason | null,
    addedAt: view.addedAt,
    revokedAt: view.revokedAt,
  });
}
