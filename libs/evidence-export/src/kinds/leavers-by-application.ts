import type { EvidenceKind, EvidenceRow } from '../evidence-kind';
import type { GatewayClient } from '../gateway-client';

// Per leaver and application: the revocations workflow asked for there (JmlRun.applications, from its
// run items) and the account disable the connector planned for the termination (its operation names
// the application; cause TERMINATION, reference the termination event, which is also the run id).

const RUNS_QUERY = `query LeaverApplications($first: Int!) {
  jmlRuns(first: $first, kind: LEAVER) {
    id identityId identity { employeeNumber displayName } startedAt
    applications { applicationId expected acknowledged failed pending lastSettledAt completedAt }
  }
}`;

// A literal page size multiplies the gateway's cost estimate: 50 operations a page stays well under it.
const OPERATIONS_QUERY = `query LeaverOperations($identityId: ID!, $after: String) {
  operations(identityId: $identityId, first: 50, after: $after) {
    edges { node { applicationId action status completedAt lastError { at } cause { kind reference } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

interface RunApplication {
  readonly applicationId: string;
  readonly expected: number;
  readonly acknowledged: number;
  readonly failed: number;
  readonly pending: number;
  readonly lastSettledAt: string | null;
  readonly completedAt: string | null;
}

interface LeaverRun {
  readonly id: string;
  readonly identityId: string;
  readonly identity: { readonly employeeNumber: string; readonly displayName: string } | null;
  readonly startedAt: string;
  readonly applications: readonly RunApplication[];
}

interface Operation {
  readonly applicationId: string;
  readonly action: string;
  readonly status: string;
  readonly completedAt: string | null;
  readonly lastError: { readonly at: string } | null;
  readonly cause: { readonly kind: string; readonly reference: string };
}

interface OperationPage {
  readonly operations: {
    readonly edges: readonly { readonly node: Operation }[];
    readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor: string | null };
  };
}

/** Operation statuses that settle a disable: done, or given up (a dead letter or dismissed). */
const SETTLED_FAILED = new Set(['DEAD', 'DISMISSED']);

/** Every leaver run, one row per application where something was revoked or an account disabled. */
export const leaversByApplication: EvidenceKind = {
  name: 'leavers-by-application',
  description:
    'Leavers per application: the revocations and the account disable each termination caused there, and the time to revoke in that application',
  columns: [
    'run_id',
    'employee_number',
    'name',
    'application',
    'terminated_at',
    'revocations_expected',
    'revocations_acknowledged',
    'revocations_failed',
    'revocations_pending',
    'account_disable',
    'account_disabled_at',
    'revoked_at',
    'time_to_revoke_ms',
    'status',
  ],
  async rows(gateway) {
    const { jmlRuns } = await gateway.query<{ jmlRuns: LeaverRun[] }>(RUNS_QUERY, { first: 500 });
    const rows: EvidenceRow[] = [];
    for (const run of jmlRuns) {
      const disables = await terminationDisables(gateway, run);
      const applications = [...new Set([...run.applications.map((application) => application.applicationId), ...disables.keys()])].sort();
      for (const applicationId of applications) {
        rows.push(
          rowOf(
            run,
            applicationId,
            run.applications.find((application) => application.applicationId === applicationId),
            disables.get(applicationId),
          ),
        );
      }
    }
    return rows;
  },
};

/** The connector's account disables for this termination, by application. */
async function terminationDisables(gateway: GatewayClient, run: LeaverRun): Promise<Map<string, Operation>> {
  const disables = new Map<string, Operation>();
  let after: string | null = null;
  do {
    const { operations }: OperationPage = await gateway.query<OperationPage>(OPERATIONS_QUERY, { identityId: run.identityId, after });
    for (const { node } of operations.edges) {
      if (node.action === 'DISABLE_ACCOUNT' && node.cause.kind === 'TERMINATION' && node.cause.reference === run.id) {
        disables.set(node.applicationId, node);
      }
    }
    after = operations.pageInfo.hasNextPage ? operations.pageInfo.endCursor : null;
  } while (after);
  return disables;
}

function rowOf(
  run: LeaverRun,
  applicationId: string,
  revocations: RunApplication | undefined,
  disable: Operation | undefined,
): EvidenceRow {
  const disableSettledAt = disable
    ? disable.status === 'SUCCEEDED'
      ? disable.completedAt
      : SETTLED_FAILED.has(disable.status)
        ? (disable.lastError?.at ?? null)
        : null
    : null;
  const disableSettled = !disable || disable.status === 'SUCCEEDED' || SETTLED_FAILED.has(disable.status);
  const revocationsSettled = !revocations || revocations.completedAt !== null;
  const settled = disableSettled && revocationsSettled;
  const revokedAt = settled ? latest([revocations?.completedAt ?? null, disableSettledAt]) : null;
  const failed = (revocations?.failed ?? 0) > 0 || (disable !== undefined && SETTLED_FAILED.has(disable.status));
  return {
    run_id: run.id,
    employee_number: run.identity?.employeeNumber ?? null,
    name: run.identity?.displayName ?? null,
    application: applicationId,
    terminated_at: run.startedAt,
    revocations_expected: revocations?.expected ?? 0,
    revocations_acknowledged: revocations?.acknowledged ?? 0,
    revocations_failed: revocations?.failed ?? 0,
    revocations_pending: revocations?.pending ?? 0,
    account_disable: disable ? disable.status : 'NONE',
    account_disabled_at: disable?.status === 'SUCCEEDED' ? disable.completedAt : null,
    revoked_at: revokedAt,
    time_to_revoke_ms: revokedAt ? Date.parse(revokedAt) - Date.parse(run.startedAt) : null,
    status: !settled ? 'IN_PROGRESS' : failed ? 'COMPLETED_WITH_FAILURES' : 'COMPLETED',
  };
}

/** The latest of the instants given (ISO strings); null when there is none. */
function latest(instants: readonly (string | null)[]): string | null {
  const known = instants.filter((instant): instant is string => instant !== null);
  if (known.length === 0) return null;
  return known.reduce((a, b) => (Date.parse(a) >= Date.parse(b) ? a : b));
}
