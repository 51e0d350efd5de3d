import 'server-only';
import { scanDirectory } from '@/components/admin/directory';
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
  };
}

export const RUNS_FOR_TIMINGS = 500;
const DIRECTORY_LIMIT = 1000;

interface ScannedPerson {
  id: string;
  employeeNumber: string;
  displayName: string;
  status: string;
  requests: { status: string }[];
}

export async function organisationFigures(): Promise<OrganisationFigures> {
  const [answer, scan] = await Promise.all([
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
    scanDirectory<ScannedPerson>(
      `id employeeNumber displayName status
       requests { status }`,
      { limit: DIRECTORY_LIMIT },
    ),
  ]);

  return {
    timeToProvision: summarizeDurations(answer.joiners),
    timeToRevoke: summarizeDurations(answer.leavers),
    runsConsidered: { joiners: answer.joiners.length, leavers: answer.leavers.length },
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
    },
  };
}
