import 'server-only';
import { graphql } from '@/lib/graphql';

export interface IdentityListItem {
  id: string;
  employeeNumber: string;
  displayName: string;
  email: string;
  department: string;
  title: string;
  status: string;
  employmentType: string;
  manager: { id: string; displayName: string } | null;
}

export interface IdentityPage {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  items: IdentityListItem[];
}

export interface IdentitySearch {
  search?: string;
  department?: string;
  status?: string;
  after?: string;
}

export const IDENTITY_PAGE_SIZE = 25;

export async function searchIdentities(criteria: IdentitySearch): Promise<IdentityPage> {
  const filter = {
    ...(criteria.search ? { search: criteria.search } : {}),
    ...(criteria.department ? { department: criteria.department } : {}),
    ...(criteria.status ? { status: criteria.status } : {}),
  };
  const answer = await graphql<{
    identities: { totalCount: number; pageInfo: IdentityPage['pageInfo']; edges: { node: IdentityListItem }[] };
  }>(
    `
      query Identities($after: String, $first: Int!, $filter: IdentityFilter) {
        identities(after: $after, first: $first, filter: $filter) {
          totalCount
          pageInfo {
            hasNextPage
            endCursor
          }
          edges {
            node {
              id
              employeeNumber
              displayName
              email
              department
              title
              status
              employmentType
              manager {
                id
                displayName
              }
            }
          }
        }
      }
    `,
    { after: criteria.after ?? null, first: IDENTITY_PAGE_SIZE, filter },
  );
  return {
    totalCount: answer.identities.totalCount,
    pageInfo: answer.identities.pageInfo,
    items: answer.identities.edges.map((e) => e.node),
  };
}

export interface Assignment {
  id: string;
  applicationId: string;
  entitlementKey: string;
  source: { kind: string; reference: string; policyVersion: number | null };
  validFrom: string;
  validUntil: string | null;
  durationMs: number | null;
  status: string;
  revocationReason: string | null;
  addedAt: string;
  acknowledgedAt: string | null;
  revokedAt: string | null;
  revocationAcknowledgedAt: string | null;
  provisioningFailure: { action: string; errorKind: string; message: string; failedAt: string } | null;
}

export const ASSIGNMENT_FIELDS = `
  id applicationId entitlementKey source { kind reference policyVersion } validFrom validUntil durationMs status revocationReason
  addedAt acknowledgedAt revokedAt revocationAcknowledgedAt provisioningFailure { action errorKind message failedAt }
`;

export interface JmlRun {
  id: string;
  kind: string;
  triggerType: string;
  startedAt: string;
  completedAt: string | null;
  durationMs: number | null;
  expected: number;
  acknowledged: number;
  failed: number;
  pending: number;
  status: string;
}

export interface TimelineEntry {
  revision: number;
  type: string;
  lifecycle: string | null;
  occurredAt: string;
  recordedAt: string;
  actor: { kind: string; id: string };
  source: { kind: string; reference: string } | null;
  effectiveDate: string | null;
  reason: string | null;
  summary: string;
  changes: { attribute: string; before: string | null; after: string | null }[];
}

export interface IdentityProfile extends IdentityListItem {
  givenName: string;
  personalDataErased: boolean;
  familyName: string;
  location: string;
  costCenter: string;
  managerEmployeeNumber: string | null;
  startDate: string;
  terminationDate: string | null;
  scheduledTerminationDate: string | null;
  employment: number;
  createdAt: string;
  updatedAt: string;
  customAttributes: { name: string; value: string }[];
  directReports: { id: string; displayName: string; title: string }[];
  assignments: Assignment[];
  jmlRuns: JmlRun[];
  accounts: { applicationId: string; userName: string; status: string; updatedAt: string }[];
  sodViolations: { ruleId: string; ruleName: string; severity: string; blocking: boolean; explanation: string }[];
  requests: { id: string; applicationId: string; entitlementKey: string; status: string; requestedAt: string; justification: string }[];
}

export interface IdentityDetail {
  identity: IdentityProfile | null;
  timeline: { entries: TimelineEntry[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } | null;
}

export const TIMELINE_PAGE_SIZE = 25;

export const TIMELINE_FIELDS = `
  revision type lifecycle occurredAt recordedAt actor { kind id } source { kind reference } effectiveDate reason summary
  changes { attribute before after }
`;

export async function identityDetail(id: string, timelineAfter: string | undefined): Promise<IdentityDetail> {
  const answer = await graphql<{
    identity: IdentityProfile | null;
    identityTimeline: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: TimelineEntry }[] } | null;
  }>(
    `query IdentityDetail($id: ID!, $after: String, $first: Int!) {
      identity(id: $id) {
        id employeeNumber displayName givenName familyName personalDataErased email department title status employmentType location costCenter
        managerEmployeeNumber manager { id displayName } startDate terminationDate scheduledTerminationDate employment createdAt updatedAt
        customAttributes { name value }
        directReports(includeTerminated: true) { id displayName title }
        assignments(includeRevoked: true) { ${ASSIGNMENT_FIELDS} }
        jmlRuns(first: 50) { id kind triggerType startedAt completedAt durationMs expected acknowledged failed pending status }
        accounts { applicationId userName status updatedAt }
        sodViolations { ruleId ruleName severity blocking explanation }
        requests { id applicationId entitlementKey status requestedAt justification }
      }
      identityTimeline(id: $id, after: $after, first: $first) {
        pageInfo { hasNextPage endCursor }
        edges { node { ${TIMELINE_FIELDS} } }
      }
    }`,
    { id, after: timelineAfter ?? null, first: TIMELINE_PAGE_SIZE },
  );
  return {
    identity: answer.identity,
    timeline: answer.identityTimeline
      ? { entries: answer.identityTimeline.edges.map((edge) => edge.node), pageInfo: answer.identityTimeline.pageInfo }
      : null,
  };
}
