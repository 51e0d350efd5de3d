// An access request as the approval pages read it from the workflow subgraph.

export const ACCESS_REQUEST_FIELDS = `
  id identityId subjectEmployeeNumber requesterEmployeeNumber applicationId entitlementKey justification
  requestedDurationHours grantedDurationHours breakGlass extendsAssignmentId status risk policyVersion
  decisionReasons autoApprovalReasons requestedAt
  sodConflicts { ruleId ruleName severity action blocking explanation }
  peerHolding { department title peers holding share }
  steps {
    index kind description approvers toAdministrators requiredApprovals status escalatesAt escalations openedAt
    approvals { by { kind employeeNumber } comment at }
  }
`;

export interface ApprovalStep {
  index: number;
  kind: string;
  description: string;
  approvers: string[];
  toAdministrators: boolean;
  requiredApprovals: number;
  status: 'WAITING' | 'OPEN' | 'APPROVED' | 'DENIED' | 'CLOSED';
  escalatesAt: string | null;
  escalations: number;
  openedAt: string | null;
  approvals: { by: { kind: string; employeeNumber: string | null }; comment: string; at: string }[];
}

export interface RequestSodConflict {
  ruleId: string;
  ruleName: string;
  severity: string;
  action: string;
  blocking: boolean;
  explanation: string;
}

/** How many of the subject's peers (same department and title, not terminated) hold the requested entitlement now. */
export interface PeerHolding {
  department: string;
  title: string;
  peers: number;
  holding: number;
  /** holding / peers; null when the subject has no peers. */
  share: number | null;
}

export interface AccessRequest {
  id: string;
  identityId: string;
  subjectEmployeeNumber: string;
  requesterEmployeeNumber: string;
  applicationId: string;
  entitlementKey: string;
  justification: string;
  requestedDurationHours: number | null;
  grantedDurationHours: number | null;
  breakGlass: boolean;
  extendsAssignmentId: string | null;
  status: string;
  risk: string | null;
  policyVersion: number | null;
  decisionReasons: string[];
  autoApprovalReasons: string[];
  requestedAt: string;
  sodConflicts: RequestSodConflict[];
  /** Null when the workflow service could not tell (the subject is unknown to it). */
  peerHolding: PeerHolding | null;
  steps: ApprovalStep[];
}

/** The step waiting for a decision now, if any. */
export function openStep(request: Pick<AccessRequest, 'steps'>): ApprovalStep | undefined {
  return request.steps.find((step) => step.status === 'OPEN');
}
