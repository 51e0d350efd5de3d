import 'server-only';
import { scanDirectory } from '@/components/admin/directory';
import type { AssignmentRecord } from '@/components/audit/holders';
import { graphql } from '@/lib/graphql';
import { TIMELINE_FIELDS, type TimelineEntry } from '@/app/admin/identities/queries';

const RECORD_FIELDS = `id applicationId entitlementKey status source { kind reference policyVersion } validFrom validUntil addedAt acknowledgedAt
  revokedAt revocationAcknowledgedAt revocationReason`;

const REQUEST_FIELDS = `id applicationId entitlementKey status requesterEmployeeNumber justification requestedAt decidedAt grantedAt closedAt
  grantedDurationHours breakGlass cancellation failureReason steps { index description status approvals { by { kind employeeNumber } comment at } }
  denial { by { kind employeeNumber } stepIndex comment }`;

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

export interface EntitlementHolderRecord {
  person: { id: string; employeeNumber: string; displayName: string; department: string; title: string; status: string };
  record: AssignmentRecord;
}

export interface EntitlementHistory {
  records: EntitlementHolderRecord[];
  requests: (AuditRequest & { subject: EntitlementHolderRecord['person'] })[];
  scanned: number;
  totalCount: number;
  truncated: boolean;
}

const ENTITLEMENT_SCAN_LIMIT = 2000;

interface ScannedPerson {
  id: string;
  employeeNumber: string;
  displayName: string;
  department: string;
  title: string;
  status: string;
  assignments: AssignmentRecord[];
  requests: AuditRequest[];
}

/**
 * Every assignment record and request for one entitlement, from a walk through the directory: the API has no
 * query by entitlement, so this reads each identity's assignments (revoked ones included) and requests.
 */
export async function entitlementHistory(applicationId: string, entitlementKey: string): Promise<EntitlementHistory> {
  const scan = await scanDirectory<ScannedPerson>(
    `id employeeNumber displayName department title status assignments(includeRevoked: true) { ${RECORD_FIELDS} } requests { ${REQUEST_FIELDS} }`,
    { limit: ENTITLEMENT_SCAN_LIMIT },
  );
  const matches = (item: { applicationId: string; entitlementKey: string }) =>
    item.applicationId === applicationId && item.entitlementKey === entitlementKey;
  const records: EntitlementHolderRecord[] = [];
  const requests: EntitlementHistory['requests'] = [];
  for (const { assignments, requests: personRequests, ...person } of scan.nodes) {
    for (const record of assignments.filter(matches)) records.push({ person, record });
    for (const request of personRequests.filter(matches)) requests.push({ ...request, subject: person });
  }
  records.sort((a, b) => a.record.addedAt.localeCompare(b.record.addedAt));
  requests.sort((a, b) => a.requestedAt.localeCompare(b.requestedAt));
  return { records, requests, scanned: scan.nodes.length, totalCount: scan.totalCount, truncated: scan.truncated };
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
