import 'server-only';
import { graphql } from '@/lib/graphql';

export interface ApplicationHealth {
  circuit: string;
  consecutiveFailures: number;
  circuitOpenedAt: string | null;
  circuitRetryAt: string | null;
  lastError: { kind: string; message: string; at: string } | null;
  lastSuccessAt: string | null;
  waiting: number;
  deadLetters: number;
  openTasks: number;
}

export interface ReconciliationRun {
  id: string;
  trigger: string;
  startedBy: string;
  remediation: string;
  status: string;
  startedAt: string;
  finishedAt: string | null;
  accountsSeen: number | null;
  grantsSeen: number | null;
  driftFound: number;
  newDrift: number | null;
  durationMs: number | null;
  driftByKind: { orphanedAccounts: number; grantsOutsideTenure: number; missingGrants: number; attributeDrift: number } | null;
  error: { kind: string; message: string } | null;
}

const HEALTH_FIELDS = `circuit consecutiveFailures circuitOpenedAt circuitRetryAt lastError { kind message at } lastSuccessAt waiting deadLetters openTasks`;
export const RUN_FIELDS = `id trigger startedBy remediation status startedAt finishedAt accountsSeen grantsSeen driftFound newDrift durationMs
  driftByKind { orphanedAccounts grantsOutsideTenure missingGrants attributeDrift } error { kind message }`;

export interface ApplicationSummary {
  id: string;
  name: string;
  connectorType: string;
  enabled: boolean;
  pausedReason: string | null;
  ownerEmployeeNumber: string;
  openDriftCount: number;
  health: ApplicationHealth;
  lastReconciliation: ReconciliationRun | null;
}

const SUMMARY_FIELDS = `id name connectorType enabled pausedReason ownerEmployeeNumber openDriftCount health { ${HEALTH_FIELDS} } lastReconciliation { ${RUN_FIELDS} }`;

export async function applicationList(): Promise<ApplicationSummary[]> {
  return (await graphql<{ applications: ApplicationSummary[] }>(`query Applications { applications { ${SUMMARY_FIELDS} } }`)).applications;
}

export interface Drift {
  id: string;
  kind: string;
  status: string;
  userName: string;
  entitlementKey: string | null;
  employeeNumber: string | null;
  accountEnabled: boolean | null;
  reason: string;
  firstSeenAt: string;
  lastSeenAt: string;
  policyDecision: string;
}

export interface Operation {
  id: string;
  action: string;
  entitlementKey: string | null;
  userName: string | null;
  priority: string;
  attempts: number;
  lastError: { kind: string; message: string; at: string } | null;
  requestedAt: string;
  identity: { id: string; displayName: string } | null;
}

export interface ManualTask {
  id: string;
  action: string;
  entitlementKey: string | null;
  userName: string | null;
  priority: string;
  instructions: string;
  openedAt: string;
  dueAt: string;
  overdue: boolean;
  status: string;
  identity: { id: string; displayName: string } | null;
}

export interface Page<T> {
  items: T[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

export interface ApplicationDetail extends ApplicationSummary {
  settings: unknown;
  registeredAt: string;
  pausedAt: string | null;
  credentialNames: string[];
  missingCredentialNames: string[];
  reconciliation: { remediation: string; scheduleMinutes: number | null };
}

export interface ApplicationView {
  application: ApplicationDetail | null;
  runs: ReconciliationRun[];
  openDrift: Page<Drift>;
  orphanedAccounts: Page<Drift>;
  deadLetters: Page<Operation>;
  manualTasks: Page<ManualTask>;
}

/** Cursors of the lists on the application page, one per list (`after` of each connection). */
export interface ApplicationCursors {
  drift?: string;
  orphans?: string;
  dead?: string;
  tasks?: string;
}

export const APPLICATION_LIST_PAGE_SIZE = 20;

const DRIFT_FIELDS = 'id kind status userName entitlementKey employeeNumber accountEnabled reason firstSeenAt lastSeenAt policyDecision';
const OPERATION_FIELDS =
  'id action entitlementKey userName priority attempts lastError { kind message at } requestedAt identity { id displayName }';
const TASK_FIELDS = 'id action entitlementKey userName priority instructions openedAt dueAt overdue status identity { id displayName }';

type Connection<T> = { pageInfo: Page<T>['pageInfo']; edges: { node: T }[] };

function page<T>(connection: Connection<T>): Page<T> {
  return { items: connection.edges.map((edge) => edge.node), pageInfo: connection.pageInfo };
}

export async function applicationView(id: string, cursors: ApplicationCursors): Promise<ApplicationView> {
  const answer = await graphql<{
    application: ApplicationDetail | null;
    reconciliationRuns: Connection<ReconciliationRun>;
    drift: Connection<Drift>;
    orphanedAccounts: Connection<Drift>;
    deadLetters: Connection<Operation>;
    manualTasks: Connection<ManualTask>;
  }>(
    `query ApplicationDetail($id: ID!, $first: Int!, $drift: String, $orphans: String, $dead: String, $tasks: String) {
      application(id: $id) {
        ${SUMMARY_FIELDS} settings registeredAt pausedAt credentialNames missingCredentialNames reconciliation { remediation scheduleMinutes }
      }
      reconciliationRuns(applicationId: $id, first: 5) { pageInfo { hasNextPage endCursor } edges { node { ${RUN_FIELDS} } } }
      drift(filter: { applicationId: $id, status: [OPEN, REMEDIATING] }, first: $first, after: $drift) {
        pageInfo { hasNextPage endCursor } edges { node { ${DRIFT_FIELDS} } }
      }
      orphanedAccounts(applicationId: $id, first: $first, after: $orphans) { pageInfo { hasNextPage endCursor } edges { node { ${DRIFT_FIELDS} } } }
      deadLetters(applicationId: $id, first: $first, after: $dead) { pageInfo { hasNextPage endCursor } edges { node { ${OPERATION_FIELDS} } } }
      manualTasks(applicationId: $id, filter: OPEN, first: $first, after: $tasks) { pageInfo { hasNextPage endCursor } edges { node { ${TASK_FIELDS} } } }
    }`,
    {
      id,
      first: APPLICATION_LIST_PAGE_SIZE,
      drift: cursors.drift ?? null,
      orphans: cursors.orphans ?? null,
      dead: cursors.dead ?? null,
      tasks: cursors.tasks ?? null,
    },
  );
  return {
    application: answer.application,
    runs: answer.reconciliationRuns.edges.map((edge) => edge.node),
    openDrift: page(answer.drift),
    orphanedAccounts: page(answer.orphanedAccounts),
    deadLetters: page(answer.deadLetters),
    manualTasks: page(answer.manualTasks),
  };
}
