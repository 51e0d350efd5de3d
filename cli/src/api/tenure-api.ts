import { CliError, ExitCode } from '../exit-codes';
import { type EntitlementRef, formatEntitlementRef } from '../parse/entitlement-ref';
import type { GatewayClient } from './gateway-client';
import type { AccessRequest, Assignment, CatalogEntitlement, NotificationPreference, Person, RequestDecision } from './types';

// Every GraphQL operation of the command line. "Me" is identityByEmployeeNumber with the employee number of the
// token (its employee_number claim), as the portal reads it.

const PERSON_FIELDS = 'id employeeNumber displayName email department title status manager { employeeNumber displayName }';

const REQUEST_FIELDS = `id subjectEmployeeNumber requesterEmployeeNumber applicationId entitlementKey justification
  requestedDurationHours grantedDurationHours status decisionReasons risk approvedHow
  sodConflicts { ruleName blocking explanation }
  steps { index kind description approvers toAdministrators status approvals { by { kind employeeNumber } comment at } }
  denial { by { kind employeeNumber } stepIndex comment }
  assignmentId failureReason cancellation requestedAt decidedAt grantedAt closedAt`;

const ENTITLEMENT_FIELDS = 'id applicationId application { name } key displayName description kind risk requestable ownerEmployeeNumber';

const PERSON = `query Person($employeeNumber: String!) { identityByEmployeeNumber(employeeNumber: $employeeNumber) { ${PERSON_FIELDS} } }`;

const MY_ACCESS = `query MyAccess($employeeNumber: String!, $includeRevoked: Boolean!) {
  identityByEmployeeNumber(employeeNumber: $employeeNumber) {
    assignments(includeRevoked: $includeRevoked) {
      id applicationId entitlementKey status source { kind reference } validFrom validUntil durationMs acknowledgedAt revokedAt revocationReason
    }
  }
}`;

const MY_REQUESTS = `query MyRequests($employeeNumber: String!) {
  identityByEmployeeNumber(employeeNumber: $employeeNumber) { requests { ${REQUEST_FIELDS} } }
}`;

const MY_APPROVALS = `query MyApprovals($employeeNumber: String!) {
  identityByEmployeeNumber(employeeNumber: $employeeNumber) { pendingApprovals { ${REQUEST_FIELDS} } }
}`;

const ADMINISTRATOR_APPROVALS = `query AdministratorApprovals { accessRequestsForAdministrators { ${REQUEST_FIELDS} } }`;

const EVALUATE = `query Evaluate($employeeNumber: String!, $application: String!, $entitlement: String!, $durationHours: Float) {
  identityByEmployeeNumber(employeeNumber: $employeeNumber) {
    evaluateAccessRequest(application: $application, entitlement: $entitlement, durationHours: $durationHours) {
      allowed reasons policyVersion policyName risk maxDurationHours grantedDurationHours
      approvalChain { step { kind group approvals } description }
      autoApproved autoApprovalReasons breakGlass
      sodConflicts { ruleName severity action blocking explanation }
    }
  }
}`;

const REQUEST_ACCESS = `mutation RequestAccess($input: RequestAccessInput!) { requestAccess(input: $input) { ${REQUEST_FIELDS} } }`;
const APPROVE = `mutation Approve($id: ID!, $comment: String!) { decided: approveRequest(id: $id, comment: $comment) { ${REQUEST_FIELDS} } }`;
const DENY = `mutation Deny($id: ID!, $comment: String!) { decided: denyRequest(id: $id, comment: $comment) { ${REQUEST_FIELDS} } }`;

const CATALOG = `query Catalog($search: String, $applicationId: ID, $first: Int!) {
  entitlements(search: $search, applicationId: $applicationId, first: $first) {
    edges { node { ${ENTITLEMENT_FIELDS} } }
    pageInfo { hasNextPage endCursor }
  }
}`;

const PREFERENCE_FIELDS = 'kind channel enabled channelConfigured';
const MY_NOTIFICATION_PREFERENCES = `query MyNotificationPreferences { myNotificationPreferences { ${PREFERENCE_FIELDS} } }`;
const SET_NOTIFICATION_PREFERENCE = `mutation SetNotificationPreference($kind: NotificationKind!, $channel: NotificationChannel!, $enabled: Boolean!) {
  setNotificationPreference(kind: $kind, channel: $channel, enabled: $enabled) { ${PREFERENCE_FIELDS} }
}`;

interface Me<Fields> {
  readonly identityByEmployeeNumber: Fields | null;
}

export interface CatalogPage {
  readonly entitlements: readonly CatalogEntitlement[];
  readonly hasNextPage: boolean;
}

/** The Tenure API as the command line uses it. */
export class TenureApi {
  constructor(private readonly gateway: GatewayClient) {}

  async person(employeeNumber: string): Promise<Person> {
    return this.me<Person>(PERSON, employeeNumber, {});
  }

  async assignments(employeeNumber: string, includeRevoked: boolean): Promise<readonly Assignment[]> {
    return (await this.me<{ assignments: Assignment[] }>(MY_ACCESS, employeeNumber, { includeRevoked })).assignments;
  }

  async requests(employeeNumber: string): Promise<readonly AccessRequest[]> {
    return (await this.me<{ requests: AccessRequest[] }>(MY_REQUESTS, employeeNumber, {})).requests;
  }

  async pendingApprovals(employeeNumber: string): Promise<readonly AccessRequest[]> {
    return (await this.me<{ pendingApprovals: AccessRequest[] }>(MY_APPROVALS, employeeNumber, {})).pendingApprovals;
  }

  /** Requests with a step only administrators can decide (for an administrator API token). */
  async administratorApprovals(): Promise<readonly AccessRequest[]> {
    return (await this.gateway.request<{ accessRequestsForAdministrators: AccessRequest[] }>(ADMINISTRATOR_APPROVALS))
      .accessRequestsForAdministrators;
  }

  async evaluate(employeeNumber: string, entitlement: EntitlementRef, durationHours: number): Promise<RequestDecision> {
    const me = await this.me<{ evaluateAccessRequest: RequestDecision }>(EVALUATE, employeeNumber, {
      application: entitlement.applicationId,
      entitlement: entitlement.entitlementKey,
      durationHours,
    });
    return me.evaluateAccessRequest;
  }

  async requestAccess(entitlement: EntitlementRef, durationHours: number, justification: string): Promise<AccessRequest> {
    const input = { applicationId: entitlement.applicationId, entitlementKey: entitlement.entitlementKey, justification, durationHours };
    return (await this.gateway.request<{ requestAccess: AccessRequest }>(REQUEST_ACCESS, { input })).requestAccess;
  }

  async decide(decision: 'approve' | 'deny', id: string, comment: string): Promise<AccessRequest> {
    return (await this.gateway.request<{ decided: AccessRequest }>(decision === 'approve' ? APPROVE : DENY, { id, comment })).decided;
  }

  async searchCatalog(search: string | undefined, first: number, applicationId?: string): Promise<CatalogPage> {
    const data = await this.gateway.request<{
      entitlements: { edges: { node: CatalogEntitlement }[]; pageInfo: { hasNextPage: boolean } };
    }>(CATALOG, { search: search ?? null, applicationId: applicationId ?? null, first });
    return { entitlements: data.entitlements.edges.map((edge) => edge.node), hasNextPage: data.entitlements.pageInfo.hasNextPage };
  }

  /** The caller's notification preferences: every kind on every channel (a person's token only). */
  async myNotificationPreferences(): Promise<readonly NotificationPreference[]> {
    return (await this.gateway.request<{ myNotificationPreferences: NotificationPreference[] }>(MY_NOTIFICATION_PREFERENCES))
      .myNotificationPreferences;
  }

  /** Turns one kind on or off on one channel for the caller; answers with all their preferences. */
  async setNotificationPreference(kind: string, channel: string, enabled: boolean): Promise<readonly NotificationPreference[]> {
    return (
      await this.gateway.request<{ setNotificationPreference: NotificationPreference[] }>(SET_NOTIFICATION_PREFERENCE, {
        kind,
        channel,
        enabled,
      })
    ).setNotificationPreference;
  }

  /**
   * The catalog entry of an entitlement, or a not-found error that says whether the application or the key is
   * unknown, and lists the application's entitlements when it is the key.
   */
  async entitlement(ref: EntitlementRef): Promise<CatalogEntitlement> {
    const matches = await this.searchCatalog(ref.entitlementKey, 100, ref.applicationId);
    const found = matches.entitlements.find((entry) => entry.applicationId === ref.applicationId && entry.key === ref.entitlementKey);
    if (found) return found;
    const application = await this.searchCatalog(undefined, 100, ref.applicationId);
    if (application.entitlements.length === 0) {
      throw new CliError(
        `Unknown entitlement ${formatEntitlementRef(ref)}: no application "${ref.applicationId}" in the catalog (tenure catalog search <text> finds entitlements)`,
        ExitCode.NOT_FOUND,
      );
    }
    const keys = application.entitlements.map((entry) => entry.key).join(', ');
    throw new CliError(
      `Unknown entitlement ${formatEntitlementRef(ref)}: "${ref.applicationId}" has no entitlement "${ref.entitlementKey}" (it has: ${keys})`,
      ExitCode.NOT_FOUND,
    );
  }

  private async me<Fields>(query: string, employeeNumber: string, variables: Record<string, unknown>): Promise<Fields> {
    const data = await this.gateway.request<Me<Fields>>(query, { employeeNumber, ...variables });
    if (!data.identityByEmployeeNumber) {
      throw new CliError(
        `Tenure knows no person with employee number ${employeeNumber} (the employee_number of your token)`,
        ExitCode.NOT_FOUND,
      );
    }
    return data.identityByEmployeeNumber;
  }
}
