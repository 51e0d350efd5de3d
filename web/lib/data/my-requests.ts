import 'server-only';
import { graphql } from '../graphql';
import type { ApprovalStepKind } from './request-decision';

export type AccessRequestStatus = 'PENDING' | 'APPROVED' | 'GRANTED' | 'REFUSED' | 'DENIED' | 'CANCELLED' | 'FULFILMENT_FAILED';
export type ApprovalStepStatus = 'WAITING' | 'OPEN' | 'APPROVED' | 'DENIED' | 'CLOSED';

export interface RequestParty {
  kind: 'PERSON' | 'ADMINISTRATOR' | 'PROCESS';
  employeeNumber: string | null;
}

export interface RequestDenial {
  by: RequestParty;
  stepIndex: number;
  comment: string;
}

export interface ApprovalStepRow {
  index: number;
  kind: ApprovalStepKind;
  description: string;
  approvers: string[];
  toAdministrators: boolean;
  requiredApprovals: number;
  approvals: { by: RequestParty; comment: string; at: string }[];
  status: ApprovalStepStatus;
  escalatesAt: string | null;
  escalations: number;
  openedAt: string | null;
  decidedAt: string | null;
}

export interface AccessRequestRow {
  id: string;
  subjectEmployeeNumber: string;
  requesterEmployeeNumber: string;
  applicationId: string;
  entitlementKey: string;
  justification: string;
  requestedDurationHours: number | null;
  grantedDurationHours: number | null;
  breakGlass: boolean;
  extendsAssignmentId: string | null;
  status: AccessRequestStatus;
  decisionReasons: string[];
  policyVersion: number | null;
  risk: string | null;
  approvedHow: 'APPROVALS' | 'AUTO' | 'BREAK_GLASS' | 'NO_APPROVAL_REQUIRED' | null;
  approvalReasons: string[];
  sodConflicts: { ruleName: string; blocking: boolean; explanation: string }[];
  steps: ApprovalStepRow[];
  /** Who denied it, on which step, and why; null unless DENIED. */
  denial: RequestDenial | null;
  assignmentId: string | null;
  failureReason: string | null;
  cancellation: string | null;
  requestedAt: string;
  decidedAt: string | null;
  grantedAt: string | null;
  closedAt: string | null;
}

/** The assignment a granted request gave, to show its end and offer an extension. */
export interface RequestAssignment {
  id: string;
  status: string;
  validUntil: string | null;
  durationMs: number | null;
}

export const ACCESS_REQUEST_FIELDS = /* GraphQL */ `
  id
  subjectEmployeeNumber
  requesterEmployeeNumber
  applicationId
  entitlementKey
  justification
  requestedDurationHours
  grantedDurationHours
  breakGlass
  extendsAssignmentId
  status
  decisionReasons
  policyVersion
  risk
  approvedHow
  approvalReasons
  sodConflicts {
    ruleName
    blocking
    explanation
  }
  steps {
    index
    kind
    description
    approvers
    toAdministrators
    requiredApprovals
    approvals {
      by {
        kind
        employeeNumber
      }
      comment
      at
    }
    status
    escalatesAt
    escalations
    openedAt
    decidedAt
  }
  denial {
    by {
      kind
      employeeNumber
    }
    stepIndex
    comment
  }
  assignmentId
  failureReason
  cancellation
  requestedAt
  decidedAt
  grantedAt
  closedAt
`;

const MY_REQUESTS = /* GraphQL */ `
  query MyRequests($employeeNumber: String!) {
    identityByEmployeeNumber(employeeNumber: $employeeNumber) {
      requests {
        ${ACCESS_REQUEST_FIELDS}
      }
      assignments(includeRevoked: true) {
        id
        status
        validUntil
        durationMs
      }
    }
  }
`;

const ONE_REQUEST = /* GraphQL */ `
  query OneRequest($id: ID!) {
    accessRequest(id: $id) {
      ${ACCESS_REQUEST_FIELDS}
    }
  }
`;

export interface MyRequests {
  requests: AccessRequestRow[];
  assignments: Map<string, RequestAssignment>;
}

/** The person's requests, newest first, with the assignments they gave; null when HR does not know them. */
export async function loadMyRequests(employeeNumber: string): Promise<MyRequests | null> {
  const data = await graphql<{ identityByEmployeeNumber: { requests: AccessRequestRow[]; assignments: RequestAssignment[] } | null }>(
    MY_REQUESTS,
    {
      employeeNumber,
    },
  );
  const identity = data.identityByEmployeeNumber;
  if (!identity) return null;
  return { requests: identity.requests, assignments: new Map(identity.assignments.map((assignment) => [assignment.id, assignment])) };
}

/** One request the person may see (theirs, one they approve, a report's); null when there is none. */
export async function loadRequest(id: string): Promise<AccessRequestRow | null> {
  return (await graphql<{ accessRequest: AccessRequestRow | null }>(ONE_REQUEST, { id })).accessRequest;
}

/** How long a request just made may take to reach the workflow service's read model, which follows its events. */
const NEW_REQUEST_WAIT = { attempts: 20, delayMs: 150 };

/**
 * A request the person has just made: the mutation answered from the command side, and the read model
 * that `accessRequest` reads catches up a moment later, so it is asked again for up to about 3 seconds
 * before the page says it was not found.
 */
export async function loadNewRequest(id: string): Promise<AccessRequestRow | null> {
  for (let attempt = 1; ; attempt += 1) {
    const request = await loadRequest(id);
    if (request || attempt >= NEW_REQUEST_WAIT.attempts) return request;
    await new Promise((resolve) => setTimeout(resolve, NEW_REQUEST_WAIT.delayMs));
  }
}
