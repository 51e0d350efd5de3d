import 'server-only';
import { scanDirectory } from '@/components/admin/directory';
import { entitlementId } from '@/components/admin/format';
import { graphql } from '@/lib/graphql';
import type { Session } from '@/lib/session';
import { summarizeDurations, type DurationSummary } from './statistics';

/** What every signed-in person sees about themselves. */
export interface PersonalFigures {
  openRequests: { id: string; applicationId: string; entitlementKey: string; status: string; requestedAt: string }[];
  approvalsWaiting: number;
  reviewItemsPending: number;
}

const OPEN_REQUEST_STATUSES = new Set(['PENDING', 'APPROVED']);

export async function personalFigures(session: Session): Promise<PersonalFigures> {
  const answer = await graphql<{
    me: {
      requests: PersonalFigures['openRequests'];
      pendingApprovals: { id: string }[];
    } | null;
    myReviewItems: { id: string }[];
  }>(
    `
      query MyDashboard($employeeNumber: String!) {
        me: identityByEmployeeNumber(employeeNumber: $employeeNumber) {
          requests {
            id
            applicationId
            entitlementKey
            status
            requestedAt
          }
          pendingApprovals {
            id
          }
        }
        myReviewItems(status: PENDING) {
          id
        }
      }
    `,
    { employeeNumber: session.employeeNumber },
  );
  return {
    openRequests: (answer.me?.requests ?? []).filter((request) => OPEN_REQUEST_STATUSES.has(request.status)),
    approvalsWaiting: answer.me?.pendingApprovals.length ?? 0,
    reviewItemsPending: answer.myReviewItems.length,
  };
}

/** Figures over the whole organisation: administrators and auditors only. */
export interface OrganisationFigures {
  timeToProvision: DurationSummary;
  timeToRevoke: DurationSummary;
  /** How many runs of each kind the figures cover (the API returns at most RUNS_FOR_TIMINGS, newest first). */
  runsConsidered: { joiners: number; leavers: number };
  orphanedAccounts: { count: number; more: boolean; byApplication: { applicationId: string; count: number }[] };
  sodViolations: {
    employeeNumber: string;
    identityId: string;
    displayName: string;
    ruleName: string;
    severity: string;
    blocking: boolean;
    detectedAt: string;
  }[];
  requestsForAdministrators: number;
  /** From a walk through the directory (no organisation-wide query exists for these). */
  directory: {
    scanned: number;
    totalCount: number;
    truncated: boolean;
    openRequests: number;
    standingPrivileged: {
      employeeNumber: string;
      identityId: string;
      displayName: string;
      entitlement: string;
      risk: string;
      since: string;
    }[];
  };
  /** Entitlements whose risk is assessed in the catalog; an unassessed one cannot count as privileged. */
  unassessedEntitlements: number;
}

export const RUNS_FOR_TIMINGS = 500;
const ORPHANS_COUNTED = 2000;
const ORPHAN_PAGE = 200;
const DIRECTORY_LIMIT = 1000;
const PRIVILEGED = new Set(['HIGH', 'CRITICAL']);
const HELD = new Set(['ACTIVE', 'PENDING_PROVISIONING']);

interface ScannedPerson {
  id: string;
  employeeNumber: string;
  displayName: string;
  status: string;
  assignments: {
    applicationId: string;
    entitlementKey: string;
    status: string;
    validUntil: string | null;
    durationMs: number | null;
    addedAt: string;
  }[];
  requests: { status: string }[];
}

export async function organisationFigures(): Promise<OrganisationFigures> {
  const [answer, catalog, scan, orphans] = await Promise.all([
    graphql<{
      joiners: { status: string; durationMs: number | null }[];
      leavers: { status: string; durationMs: number | null }[];
      sodViolations: {
        identityId: string;
        employeeNumber: string;
        identity: { displayName: string };
        violation: { ruleName: string; severity: string; blocking: boolean };
        detectedAt: string;
      }[];
      accessRequestsForAdministrators: { id: string }[];
    }>(
      `
        query OrganisationDashboard($runs: Int!) {
          joiners: jmlRuns(first: $runs, kind: JOINER) {
            status
            durationMs
          }
          leavers: jmlRuns(first: $runs, kind: LEAVER) {
            status
            durationMs
          }
          sodViolations {
            identityId
            employeeNumber
            identity {
              displayName
            }
            violation {
              ruleName
              severity
              blocking
            }
            detectedAt
          }
          accessRequestsForAdministrators {
            id
          }
        }
      `,
      { runs: RUNS_FOR_TIMINGS },
    ),
    entitlementRisks(),
    scanDirectory<ScannedPerson>(
      `id employeeNumber displayName status
       assignments { applicationId entitlementKey status validUntil durationMs addedAt }
       requests { status }`,
      { limit: DIRECTORY_LIMIT },
    ),
    orphanedAccountsByApplication(),
  ]);

  const standingPrivileged = scan.nodes.flatMap((person) =>
    person.assignments
      .filter((a) => HELD.has(a.status) && a.validUntil === null && a.durationMs === null)
      .flatMap((a) => {
        const risk = catalog.risks.get(entitlementId(a.applicationId, a.entitlementKey));
        return risk && PRIVILEGED.has(risk)
          ? [
              {
                employeeNumber: person.employeeNumber,
                identityId: person.id,
                displayName: person.displayName,
                entitlement: entitlementId(a.applicationId, a.entitlementKey),
                risk,
                since: a.addedAt,
              },
            ]
          : [];
      }),
  );

  return {
    timeToProvision: summarizeDurations(answer.joiners),
    timeToRevoke: summarizeDurations(answer.leavers),
    runsConsidered: { joiners: answer.joiners.length, leavers: answer.leavers.length },
    orphanedAccounts: orphans,
    sodViolations: answer.sodViolations.map((v) => ({
      employeeNumber: v.employeeNumber,
      identityId: v.identityId,
      displayName: v.identity.displayName,
      ruleName: v.violation.ruleName,
      severity: v.violation.severity,
      blocking: v.violation.blocking,
      detectedAt: v.detectedAt,
    })),
    requestsForAdministrators: answer.accessRequestsForAdministrators.length,
    directory: {
      scanned: scan.nodes.length,
      totalCount: scan.totalCount,
      truncated: scan.truncated,
      openRequests: scan.nodes.reduce(
        (open, person) => open + person.requests.filter((r) => OPEN_REQUEST_STATUSES.has(r.status)).length,
        0,
      ),
      standingPrivileged: standingPrivileged.sort((a, b) => a.since.localeCompare(b.since)),
    },
    unassessedEntitlements: catalog.unassessed,
  };
}

/** Every catalog entitlement's risk, keyed "application:key", walking the catalog page by page. */
async function entitlementRisks(): Promise<{ risks: Map<string, string>; unassessed: number }> {
  const risks = new Map<string, string>();
  let unassessed = 0;
  let after: string | null = null;
  for (;;) {
    const answer: {
      entitlements: {
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
        edges: { node: { applicationId: string; key: string; risk: string | null } }[];
      };
    } = await graphql(
      `
        query EntitlementRisks($after: String) {
          entitlements(first: 500, after: $after) {
            pageInfo {
              hasNextPage
              endCursor
            }
            edges {
              node {
                applicationId
                key
                risk
              }
            }
          }
        }
      `,
      { after },
    );
    for (const { node } of answer.entitlements.edges) {
      if (node.risk) risks.set(entitlementId(node.applicationId, node.key), node.risk);
      else unassessed += 1;
    }
    if (!answer.entitlements.pageInfo.hasNextPage || !answer.entitlements.pageInfo.endCursor) return { risks, unassessed };
    after = answer.entitlements.pageInfo.endCursor;
  }
}

/**
 * Orphaned accounts counted by application. The connection has no total, so this pages through it (200 at a
 * time, the API's maximum) up to ORPHANS_COUNTED and says whether more remain.
 */
async function orphanedAccountsByApplication(): Promise<OrganisationFigures['orphanedAccounts']> {
  const byApplication = new Map<string, number>();
  let count = 0;
  let after: string | null = null;
  for (;;) {
    const answer: {
      orphanedAccounts: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: { applicationId: string } }[] };
    } = await graphql(
      `
        query OrphanedAccounts($after: String, $first: Int!) {
          orphanedAccounts(after: $after, first: $first) {
            pageInfo {
              hasNextPage
              endCursor
            }
            edges {
              node {
                applicationId
              }
            }
          }
        }
      `,
      { after, first: ORPHAN_PAGE },
    );
    for (const { node } of answer.orphanedAccounts.edges)
      byApplication.set(node.applicationId, (byApplication.get(node.applicationId) ?? 0) + 1);
    count += answer.orphanedAccounts.edges.length;
    const { hasNextPage, endCursor } = answer.orphanedAccounts.pageInfo;
    if (!hasNextPage || !endCursor || count >= ORPHANS_COUNTED) {
      return {
        count,
        more: hasNextPage,
        byApplication: [...byApplication].map(([applicationId, n]) => ({ applicationId, count: n })).sort((a, b) => b.count - a.count),
      };
    }
    after = endCursor;
  }
}
