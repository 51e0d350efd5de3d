import type { GivenApproval as GivenApprovalView, KnownRequest, RequestParty as Party, StepState } from '../../domain/requests';
import { AccessRequestStatus, ApprovalHow, ApprovalStepKind, ApprovalStepStatus, RequestPartyKind } from './access-request-enums';
import { AccessRequest, ApprovalStep, GivenApproval, RequestDenial, RequestParty, RequestSodConflict } from './access-request.type';

export function toAccessRequest(request: KnownRequest): AccessRequest {
  const { decision } = request;
  return Object.assign(new AccessRequest(), {
    id: request.requestId,
    identityId: request.identityId,
    subjectEmployeeNumber: request.subjectEmployeeNumber,
    requesterEmployeeNumber: request.requesterEmployeeNumber,
    applicationId: request.applicationId,
    entitlementKey: request.entitlementKey,
    justification: request.justification,
    requestedDurationHours: request.requestedDurationHours,
    grantedDurationHours: request.grantedDurationHours,
    breakGlass: request.breakGlass,
    extendsAssignmentId: request.extensionOf?.assignmentId ?? null,
    status: request.status as AccessRequestStatus,
    decisionReasons: [...decision.reasons],
    policyVersion: decision.policyVersion,
    risk: decision.risk,
    approvedHow: request.how as ApprovalHow | null,
    approvalReasons: [...request.approvalReasons],
    autoApprovalReasons: [...decision.autoApprovalReasons],
    sodConflicts: decision.sodConflicts.map((conflict) => Object.assign(new RequestSodConflict(), conflict)),
    steps: request.steps.map(toStep),
    denial: request.denial
      ? Object.assign(new RequestDenial(), {
          by: toParty(request.denial.by),
          stepIndex: request.denial.stepIndex,
          comment: request.denial.comment,
        })
      : null,
    assignmentId: request.assignmentId,
    failureReason: request.failureReason,
    cancellation: request.cancellation
      ? `${request.cancellation.cause}${request.cancellation.reason ? `: ${request.cancellation.reason}` : ''}`
      : null,
    requestedAt: new Date(request.requestedAt),
    decidedAt: dateOrNull(request.decidedAt),
    grantedAt: dateOrNull(request.grantedAt),
    closedAt: dateOrNull(request.closedAt),
  });
}

function toStep(step: StepState): ApprovalStep {
  return Object.assign(new ApprovalStep(), {
    index: step.index,
    kind: step.kind as ApprovalStepKind,
    description: step.description,
    approvers: [...step.approvers],
    toAdministrators: step.toAdministrators,
    requiredApprovals: step.toAdministrators ? 1 : step.requiredApprovals,
    approvals: step.approvals.map(toApproval),
    status: step.status as ApprovalStepStatus,
    escalatesAt: dateOrNull(step.escalatesAt),
    escalations: step.escalations,
    openedAt: dateOrNull(step.openedAt),
    decidedAt: dateOrNull(step.decidedAt),
  });
}

function toApproval(approval: GivenApprovalView): GivenApproval {
  return Object.assign(new GivenApproval(), { by: toParty(approval.by), comment: approval.comment, at: new Date(approval.at) });
}

function toParty(party: Party): RequestParty {
  return Object.assign(new RequestParty(), {
    kind: party.kind as RequestPartyKind,
    employeeNumber: party.kind === 'person' ? party.employeeNumber : null,
  });
}

function dateOrNull(iso: string | null): Date | null {
  return iso === null ? null : new Date(iso);
}
