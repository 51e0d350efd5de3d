import 'server-only';
import { graphql } from '../graphql';
import type { RiskLevel } from './catalog';

export type ApprovalStepKind = 'MANAGER' | 'ENTITLEMENT_OWNER' | 'APPLICATION_OWNER' | 'GROUP';

/** What policy says about a request before it is made (RequestDecision). */
export interface RequestDecision {
  allowed: boolean;
  reasons: string[];
  policyVersion: number;
  policyName: string | null;
  risk: RiskLevel | null;
  maxDurationHours: number | null;
  grantedDurationHours: number | null;
  approvalChain: { step: { kind: ApprovalStepKind; group: string | null; approvals: number }; description: string }[];
  autoApproved: boolean;
  autoApprovalReasons: string[];
  sodConflicts: { ruleName: string; severity: RiskLevel; action: string; blocking: boolean; explanation: string }[];
}

const EVALUATE = /* GraphQL */ `
  query EvaluateMyRequest($employeeNumber: String!, $application: String!, $entitlement: String!, $durationHours: Float) {
    identityByEmployeeNumber(employeeNumber: $employeeNumber) {
      evaluateAccessRequest(application: $application, entitlement: $entitlement, durationHours: $durationHours) {
        allowed
        reasons
        policyVersion
        policyName
        risk
        maxDurationHours
        grantedDurationHours
        approvalChain {
          step {
            kind
            group
            approvals
          }
          description
        }
        autoApproved
        autoApprovalReasons
        sodConflicts {
          ruleName
          severity
          action
          blocking
          explanation
        }
      }
    }
  }
`;

interface EvaluateResponse {
  identityByEmployeeNumber: { evaluateAccessRequest: RequestDecision } | null;
}

/** Policy's answer for the signed-in person asking for this entitlement for this long; null when HR does not know them. */
export async function evaluateMyRequest(
  employeeNumber: string,
  applicationId: string,
  entitlementKey: string,
  durationHours: number,
): Promise<RequestDecision | null> {
  const data = await graphql<EvaluateResponse>(EVALUATE, {
    employeeNumber,
    application: applicationId,
    entitlement: entitlementKey,
    durationHours,
  });
  return data.identityByEmployeeNumber?.evaluateAccessRequest ?? null;
}
