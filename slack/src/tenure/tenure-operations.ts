import type { TenureClient } from './tenure-client';
import { TenureError } from './tenure-error';

/** The person a Slack user is in Tenure (the gateway resolved them by their verified email). */
export interface TenurePerson {
  readonly email: string;
  readonly employeeNumber: string;
  readonly identityId: string;
  readonly displayName: string;
}

export interface CatalogEntry {
  readonly applicationId: string;
  readonly applicationName: string;
  readonly key: string;
  readonly displayName: string;
}

export interface RequestDecision {
  readonly allowed: boolean;
  readonly reasons: readonly string[];
  readonly maxDurationHours: number | null;
}

export interface AccessRequestView {
  readonly id: string;
  readonly status: string;
  readonly subjectEmployeeNumber: string;
  readonly applicationId: string;
  readonly entitlementKey: string;
  readonly decisionReasons: readonly string[];
  readonly steps: readonly { readonly index: number; readonly description: string; readonly status: string }[];
}

export interface NewRequest {
  readonly applicationId: string;
  readonly entitlementKey: string;
  readonly durationHours: number;
  readonly justification: string;
}

const REQUEST_FIELDS = 'id status subjectEmployeeNumber applicationId entitlementKey decisionReasons steps { index description status }';

/** What the Slack app asks Tenure, each as the person using Slack. */
export class TenureOperations {
  constructor(private readonly client: TenureClient) {}

  /** Who the gateway acts for with this email; a TenureError (FORBIDDEN) when nobody active has it. */
  async person(email: string): Promise<TenurePerson> {
    const { actingAs } = await this.client.as<{ __typename: string }>(email, '{ __typename }');
    if (!actingAs) throw new TenureError('UNEXPECTED', 'the gateway did not say whom it acted for');
    const { data } = await this.client.as<{ identityByEmployeeNumber: { id: string; displayName: string } | null }>(
      email,
      'query($employeeNumber: String!) { identityByEmployeeNumber(employeeNumber: $employeeNumber) { id displayName } }',
      { employeeNumber: actingAs },
    );
    if (!data.identityByEmployeeNumber) throw new TenureError('NOT_FOUND', `Tenure does not know employee ${actingAs}`);
    return {
      email,
      employeeNumber: actingAs,
      identityId: data.identityByEmployeeNumber.id,
      displayName: data.identityByEmployeeNumber.displayName,
    };
  }

  /** Requestable entitlements whose key, name or description contains `search` (all when empty), at most `first`. */
  async catalog(person: TenurePerson, search: string, first: number): Promise<CatalogEntry[]> {
    const { data } = await this.client.as<{
      entitlements: {
        edges: {
          node: { applicationId: string; application: { name: string } | null; key: string; displayName: string; requestable: boolean };
        }[];
      };
    }>(
      person.email,
      `query($search: String, $first: Int!) { entitlements(search: $search, first: $first) {
        edges { node { applicationId application { name } key displayName requestable } } } }`,
      { search: search || null, first },
    );
    return data.entitlements.edges
      .map((edge) => edge.node)
      .filter((node) => node.requestable)
      .map((node) => ({
        applicationId: node.applicationId,
        applicationName: node.application?.name ?? node.applicationId,
        key: node.key,
        displayName: node.displayName,
      }));
  }

  /** Policy's answer before anything is requested. */
  async evaluate(person: TenurePerson, request: NewRequest): Promise<RequestDecision> {
    const { data } = await this.client.as<{ identityByEmployeeNumber: { evaluateAccessRequest: RequestDecision } | null }>(
      person.email,
      `query($employeeNumber: String!, $application: String!, $entitlement: String!, $durationHours: Float) {
        identityByEmployeeNumber(employeeNumber: $employeeNumber) {
          evaluateAccessRequest(application: $application, entitlement: $entitlement, durationHours: $durationHours) {
            allowed reasons maxDurationHours } } }`,
      {
        employeeNumber: person.employeeNumber,
        application: request.applicationId,
        entitlement: request.entitlementKey,
        durationHours: request.durationHours,
      },
    );
    if (!data.identityByEmployeeNumber) throw new TenureError('NOT_FOUND', `Tenure does not know employee ${person.employeeNumber}`);
    return data.identityByEmployeeNumber.evaluateAccessRequest;
  }

  async requestAccess(person: TenurePerson, request: NewRequest): Promise<AccessRequestView> {
    const { data } = await this.client.as<{ requestAccess: AccessRequestView }>(
      person.email,
      `mutation($input: RequestAccessInput!) { requestAccess(input: $input) { ${REQUEST_FIELDS} } }`,
      { input: request },
    );
    return data.requestAccess;
  }

  async decide(person: TenurePerson, decision: 'approve' | 'deny', requestId: string, comment: string): Promise<AccessRequestView> {
    const field = decision === 'approve' ? 'approveRequest' : 'denyRequest';
    const { data } = await this.client.as<Record<string, AccessRequestView>>(
      person.email,
      `mutation($id: ID!, $comment: String!) { ${field}(id: $id, comment: $comment) { ${REQUEST_FIELDS} } }`,
      { id: requestId, comment },
    );
    return data[field]!;
  }
}
