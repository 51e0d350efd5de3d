import type { AssignmentView } from '../../read-model/workflow-assignments/workflow-assignments.queries';
import { AssignmentRevocationReason, AssignmentSourceKind, AssignmentStatus } from './assignment-enums';
import { Assignment, AssignmentSource, ProvisioningFailure } from './assignment.type';

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
    durationMs: view.durationMs,
    status: view.status as AssignmentStatus,
    revocationReason: view.revocationReason as AssignmentRevocationReason | null,
    addedAt: view.addedAt,
    acknowledgedAt: view.acknowledgedAt,
    provisioningFailure: view.lastFailure
      ? Object.assign(new ProvisioningFailure(), { ...view.lastFailure, failedAt: new Date(view.lastFailure.failedAt) })
      : null,
    revokedAt: view.revokedAt,
    revocationAcknowledgedAt: view.revocationAcknowledgedAt,
  });
}
