import { LaunchedPlatform, PLATFORM_ADMIN_TOKEN, waitFor } from '@tenure/testing';

export interface AssignmentState {
  readonly id: string;
  readonly applicationId: string;
  readonly entitlementKey: string;
  readonly status: string;
  readonly source: { readonly kind: string; readonly reference: string };
  readonly acknowledgedAt: string | null;
  readonly validUntil: string | null;
  readonly revocationReason: string | null;
  readonly revocationAcknowledgedAt: string | null;
}

export interface IdentityState {
  readonly id: string;
  readonly status: string;
  readonly assignments: readonly AssignmentState[];
  readonly accounts: readonly { readonly applicationId: string; readonly userName: string; readonly status: string }[];
  readonly jmlRuns: readonly { readonly kind: string; readonly status: string }[];
}

export interface RequestState {
  readonly status: string;
  readonly grantedAt: string | null;
  readonly steps: readonly { readonly index: number; readonly status: string; readonly approvers: readonly string[] }[];
}

const REQUEST_STATE = `query RequestState($id: ID!) { accessRequest(id: $id) { status grantedAt steps { index status approvers } } }`;

const IDENTITY_STATE = `query IdentityState($employeeNumber: String!) {
  identityByEmployeeNumber(employeeNumber: $employeeNumber) {
    id status
    assignments(includeRevoked: true) {
      id applicationId entitlementKey status source { kind reference } acknowledgedAt validUntil revocationReason revocationAcknowledgedAt
    }
    accounts { applicationId userName status }
    jmlRuns { kind status }
  }
}`;

/** Polls the whole platform every 250 ms: provisioning crosses four services and a real database. */
export function eventually<Value>(what: string, probe: () => Promise<Value | undefined>, timeoutMs = 90_000): Promise<Value> {
  return waitFor(what, probe, timeoutMs, 250);
}

/** The launched platform, read through the gateway with the administrator token to know when to look at the portal. */
export class PortalPlatform extends LaunchedPlatform {
  async identityState(employeeNumber: string): Promise<IdentityState> {
    const data = await this.data<{ identityByEmployeeNumber: IdentityState | null }>(
      IDENTITY_STATE,
      { employeeNumber },
      PLATFORM_ADMIN_TOKEN,
    );
    if (!data.identityByEmployeeNumber) throw new Error(`HR knows no employee number ${employeeNumber} on the launched platform`);
    return data.identityByEmployeeNumber;
  }

  async assignment(employeeNumber: string, applicationId: string, entitlementKey: string): Promise<AssignmentState | undefined> {
    const { assignments } = await this.identityState(employeeNumber);
    return assignments.find((a) => a.applicationId === applicationId && a.entitlementKey === entitlementKey && a.status !== 'REVOKED');
  }

  /** Waits until the person holds the entitlement and the application acknowledged it. */
  async activeAssignment(employeeNumber: string, applicationId: string, entitlementKey: string): Promise<AssignmentState> {
    return eventually(`${employeeNumber} to hold ${applicationId}:${entitlementKey}, acknowledged by the application`, async () => {
      const assignment = await this.assignment(employeeNumber, applicationId, entitlementKey);
      return assignment?.status === 'ACTIVE' && assignment.acknowledgedAt ? assignment : undefined;
    });
  }

  /**
   * Waits until the workflow service's read model shows the request as `accepts` wants it: people read
   * requests from that read model, which follows the commands' events a moment later.
   */
  async requestReaching(requestId: string, what: string, accepts: (request: RequestState) => boolean): Promise<RequestState> {
    return eventually(`request ${requestId}: ${what}`, async () => {
      const { accessRequest } = await this.data<{ accessRequest: RequestState | null }>(
        REQUEST_STATE,
        { id: requestId },
        PLATFORM_ADMIN_TOKEN,
      );
      return accessRequest && accepts(accessRequest) ? accessRequest : undefined;
    });
  }

  /** Waits until the request's step `index` is open, waiting for `approver`. */
  async stepOpenFor(requestId: string, index: number, approver: string): Promise<void> {
    await this.requestReaching(requestId, `step ${index + 1} open for ${approver}`, (request) =>
      request.steps.some((step) => step.index === index && step.status === 'OPEN' && step.approvers.includes(approver)),
    );
  }

  /** The person's account in an application, as the connector service knows it. */
  async account(employeeNumber: string, applicationId: string): Promise<{ userName: string; status: string }> {
    const { accounts } = await this.identityState(employeeNumber);
    const account = accounts.find((candidate) => candidate.applicationId === applicationId);
    if (!account) throw new Error(`${employeeNumber} has no account in ${applicationId}`);
    return account;
  }
}
