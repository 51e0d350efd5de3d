import 'server-only';
import { graphql } from '@/lib/graphql';
import type { TrailActor, TrailQuestion } from './trail-question';

export const AUDIT_TRAIL_PAGE_SIZE = 25;

export interface TrailCause {
  eventId: string;
  type: string;
  context: string;
  occurredAt: string;
  summary: string;
  actor: TrailActor;
}

export interface TrailEntry {
  eventId: string;
  streamId: string;
  type: string;
  context: string;
  occurredAt: string;
  recordedAt: string;
  summary: string;
  actor: TrailActor;
  reason: string | null;
  policyVersion: number | null;
  correlationId: string;
  causedBy: TrailCause[];
  unresolvedCauseId: string | null;
  causeChainTruncated: boolean;
}

export interface TrailPage {
  entries: TrailEntry[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

export interface PersonMatch {
  id: string;
  employeeNumber: string;
  displayName: string;
  status: string;
}

const ACTOR = 'actor { kind id name }';

/** One page of the trail, newest first, each entry with its chain of causes (the identity service's auditTrail). */
export async function auditTrail(
  subject: { identityId: string | null; applicationId: string | null; entitlementKey: string | null },
  question: Pick<TrailQuestion, 'from' | 'to'>,
  after: string | undefined,
): Promise<TrailPage> {
  const { auditTrail: page } = await graphql<{ auditTrail: { pageInfo: TrailPage['pageInfo']; edges: { node: TrailEntry }[] } }>(
    `query AuditTrail($identityId: ID, $applicationId: String, $entitlementKey: String, $from: DateTimeISO, $to: DateTimeISO, $first: Int!, $after: String) {
      auditTrail(identityId: $identityId, applicationId: $applicationId, entitlementKey: $entitlementKey, from: $from, to: $to, first: $first, after: $after) {
        pageInfo { hasNextPage endCursor }
        edges { node { eventId streamId type context occurredAt recordedAt summary ${ACTOR} reason policyVersion correlationId
          causedBy { eventId type context occurredAt summary ${ACTOR} } unresolvedCauseId causeChainTruncated } }
      }
    }`,
    {
      ...subject,
      from: question.from?.toISOString() ?? null,
      to: question.to?.toISOString() ?? null,
      first: AUDIT_TRAIL_PAGE_SIZE,
      after: after ?? null,
    },
  );
  return { entries: page.edges.map((edge) => edge.node), pageInfo: page.pageInfo };
}

/** The person an employee number names exactly, else up to ten whose name, email or number contains the text. */
export async function findPeople(text: string): Promise<PersonMatch[]> {
  const { exact } = await graphql<{ exact: PersonMatch | null }>(
    `
      query AuditTrailPerson($employeeNumber: String!) {
        exact: identityByEmployeeNumber(employeeNumber: $employeeNumber) {
          id
          employeeNumber
          displayName
          status
        }
      }
    `,
    { employeeNumber: text },
  );
  if (exact) return [exact];
  const { identities } = await graphql<{ identities: { edges: { node: PersonMatch }[] } }>(
    `
      query AuditTrailPeople($search: String!) {
        identities(first: 10, filter: { search: $search }) {
          edges {
            node {
              id
              employeeNumber
              displayName
              status
            }
          }
        }
      }
    `,
    { search: text },
  );
  return identities.edges.map((edge) => edge.node);
}
