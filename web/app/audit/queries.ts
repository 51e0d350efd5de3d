import 'server-only';
import type { TimeQuestion } from '@/components/audit/time-question';
import { displayNames } from '@/lib/data/people';
import { graphql, GraphqlRequestError } from '@/lib/graphql';
import { TIMELINE_FIELDS, type TimelineEntry } from '@/app/admin/identities/queries';

const RECORD_FIELDS = `id applicationId entitlementKey status source { kind reference policyVersion } validFrom validUntil addedAt acknowledgedAt
  revokedAt revocationAcknowledgedAt revocationReason`;

const REQUEST_FIELDS = `id applicationId entitlementKey status requesterEmployeeNumber justification requestedAt decidedAt grantedAt closedAt
  grantedDurationHours breakGlass cancellation failureReason steps { index description status approvals { by { kind employeeNumber } comment at } }
  denial { by { kind employeeNumber } stepIndex comment }`;

/** One assignment record as the identity keeps it today, revoked ones included. */
export interface AssignmentRecord {
  id: string;
  applicationId: string;
  entitlementKey: string;
  status: string;
  source: { kind: string; reference: string; policyVersion: number | null };
  validFrom: string;
  validUntil: string | null;
  addedAt: string;
  acknowledgedAt: string | null;
  revokedAt: string | null;
  revocationAcknowledgedAt: string | null;
  revocationReason: string | null;
}

export interface AuditRequest {
  id: string;
  applicationId: string;
  entitlementKey: string;
  status: string;
  requesterEmployeeNumber: string;
  justification: string;
  requestedAt: string;
  decidedAt: string | null;
  grantedAt: string | null;
  closedAt: string | null;
  grantedDurationHours: number | null;
  breakGlass: boolean;
  cancellation: string | null;
  failureReason: string | null;
  steps: {
    index: number;
    description: string;
    status: string;
    approvals: { by: { kind: string; employeeNumber: string | null }; comment: string; at: string }[];
  }[];
  /** Who denied it, on which step, and why; null unless DENIED. */
  denial: { by: { kind: string; employeeNumber: string | null }; stepIndex: number; comment: string } | null;
}

export interface IdentityHistory {
  identity: {
    id: string;
    employeeNumber: string;
    displayName: string;
    department: string;
    title: string;
    status: string;
    assignments: AssignmentRecord[];
    requests: AuditRequest[];
  };
  timeline: TimelineEntry[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

export const AUDIT_TIMELINE_PAGE_SIZE = 50;

/** An identity's recorded history by employee number; null when HR knows no such number. */
export async function identityHistory(employeeNumber: string, after: string | undefined): Promise<IdentityHistory | null> {
  const { identity } = await graphql<{ identity: IdentityHistory['identity'] | null }>(
    `query AuditIdentity($employeeNumber: String!) {
      identity: identityByEmployeeNumber(employeeNumber: $employeeNumber) {
        id employeeNumber displayName department title status
        assignments(includeRevoked: true) { ${RECORD_FIELDS} }
        requests { ${REQUEST_FIELDS} }
      }
    }`,
    { employeeNumber },
  );
  if (!identity) return null;
  const { identityTimeline } = await graphql<{
    identityTimeline: { pageInfo: IdentityHistory['pageInfo']; edges: { node: TimelineEntry }[] } | null;
  }>(
    `query AuditTimeline($id: ID!, $after: String, $first: Int!) {
      identityTimeline(id: $id, after: $after, first: $first) { pageInfo { hasNextPage endCursor } edges { node { ${TIMELINE_FIELDS} } } }
    }`,
    { id: identity.id, after: after ?? null, first: AUDIT_TIMELINE_PAGE_SIZE },
  );
  return {
    identity,
    timeline: identityTimeline?.edges.map((edge) => edge.node) ?? [],
    pageInfo: identityTimeline?.pageInfo ?? { hasNextPage: false, endCursor: null },
  };
}

/** One entitlement held at the instant asked, with why and since when (workflow's HeldAtTime). */
export interface HeldAtTime {
  assignmentId: string;
  identityId: string;
  employeeNumber: string | null;
  identity: { id: string; employeeNumber: string; displayName: string };
  applicationId: string;
  entitlementKey: string;
  source: AssignmentRecord['source'];
  since: string;
  addedAt: string;
  activeFrom: string | null;
  validUntil: string | null;
  revokedAt: string | null;
  revocationReason: string | null;
  revocationAcknowledgedAt: string | null;
  /** The granting request, then the extensions applied by the instant asked; empty unless requested. */
  requests: HeldRequest[];
}

export type HeldRequest = Pick<
  AuditRequest,
  'id' | 'requesterEmployeeNumber' | 'justification' | 'requestedAt' | 'breakGlass' | 'steps' | 'denial'
> & {
  extendsAssignmentId: string | null;
};

const HELD_FIELDS = `assignmentId identityId employeeNumber identity { id employeeNumber displayName } applicationId entitlementKey
  source { kind reference policyVersion } since addedAt activeFrom validUntil revokedAt revocationReason revocationAcknowledgedAt
  requests { id requesterEmployeeNumber justification requestedAt breakGlass extendsAssignmentId
    steps { index description status approvals { by { kind employeeNumber } comment at } }
    denial { by { kind employeeNumber } stepIndex comment } }`;

/** Who held the entitlement at `question.at`, computed by the workflow service from the assignment events. */
export async function holdersAt(applicationId: string, entitlementKey: string, question: TimeQuestion): Promise<HeldAtTime[]> {
  const { holdersAt: holders } = await graphql<{ holdersAt: HeldAtTime[] }>(
    `query AuditHoldersAt($applicationId: ID!, $entitlementKey: String!, $at: DateTimeISO!, $basis: HeldBasis) {
      holdersAt(applicationId: $applicationId, entitlementKey: $entitlementKey, at: $at, basis: $basis) { ${HELD_FIELDS} }
    }`,
    { applicationId, entitlementKey, at: question.at.toISOString(), basis: question.basis },
  );
  return [...holders].sort((a, b) => a.since.localeCompare(b.since));
}

/** What the person held at `question.at`; null when HR knows no such employee number. */
export async function accessAt(employeeNumber: string, question: TimeQuestion): Promise<HeldAtTime[] | null> {
  const { identity } = await graphql<{ identity: { accessAt: HeldAtTime[] } | null }>(
    `query AuditAccessAt($employeeNumber: String!, $at: DateTimeISO!, $basis: HeldBasis) {
      identity: identityByEmployeeNumber(employeeNumber: $employeeNumber) { accessAt(at: $at, basis: $basis) { ${HELD_FIELDS} } }
    }`,
    { employeeNumber, at: question.at.toISOString(), basis: question.basis },
  );
  if (!identity) return null;
  return [...identity.accessAt].sort(
    (a, b) => a.applicationId.localeCompare(b.applicationId) || a.entitlementKey.localeCompare(b.entitlementKey),
  );
}

/** The catalog's entitlements, for the entitlement picker. */
export async function entitlementChoices(): Promise<{ applicationId: string; key: string; displayName: string }[]> {
  const choices: { applicationId: string; key: string; displayName: string }[] = [];
  let after: string | null = null;
  for (;;) {
    const answer: {
      entitlements: {
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
        edges: { node: { applicationId: string; key: string; displayName: string } }[];
      };
    } = await graphql(
      `
        query EntitlementChoices($after: String) {
          entitlements(first: 500, after: $after, includeVanished: true) {
            pageInfo {
              hasNextPage
              endCursor
            }
            edges {
              node {
                applicationId
                key
                displayName
              }
            }
          }
        }
      `,
      { after },
    );
    choices.push(...answer.entitlements.edges.map((edge) => edge.node));
    if (!answer.entitlements.pageInfo.hasNextPage || !answer.entitlements.pageInfo.endCursor) return choices;
    after = answer.entitlements.pageInfo.endCursor;
  }
}

/**
 * The names of the people who asked for and approved what was held, to show them by name; when the names
 * cannot be read the table shows employee numbers alone, which identify them as well.
 */
export async function requestPartyNames(held: readonly HeldAtTime[]): Promise<Map<string, string>> {
  const numbers = held.flatMap((holding) =>
    holding.requests.flatMap((request) => [
      request.requesterEmployeeNumber,
      ...request.steps.flatMap((step) =>
        step.approvals.flatMap((approval) => (approval.by.employeeNumber ? [approval.by.employeeNumber] : [])),
      ),
    ]),
  );
  try {
    return await displayNames(numbers);
  } catch (error) {
    if (!(error instanceof GraphqlRequestError)) throw error;
    return new Map();
  }
}
