import type { GatewayClient } from '../workload/gateway-client';
import type { RequestRecord } from '../workload/flows';
import type { People } from '../workload/people';
import { Findings } from './findings';

const ASSIGNMENTS = `query($id: ID!) { identity(id: $id) { status assignments(includeRevoked: true) {
  id applicationId entitlementKey status source { kind reference } acknowledgedAt revocationReason revocationAcknowledgedAt } } }`;
const DEAD_LETTERS = `query { deadLetters(first: 200) { edges { node { id applicationId action attempts lastError { kind message } } } } }`;
const OPEN_OPERATIONS = `query { operations(status: [REQUESTED, RETRYING], first: 200) { edges { node { id applicationId action status lastError { kind message } } } } }`;
const REQUEST = 'query($id: ID!) { accessRequest(id: $id) { status assignmentId failureReason cancellation } }';
const RECONCILIATION_RUN = 'query($id: ID!) { reconciliationRun(id: $id) { status error { kind } } }';

export interface AssignmentView {
  readonly id: string;
  readonly applicationId: string;
  readonly entitlementKey: string;
  readonly status: string;
  readonly source: { readonly kind: string; readonly reference: string };
  readonly acknowledgedAt: string | null;
  readonly revocationReason: string | null;
  readonly revocationAcknowledgedAt: string | null;
}

export interface OperationView {
  readonly id: string;
  readonly applicationId: string;
  readonly action: string;
  readonly attempts?: number;
  readonly status?: string;
  readonly lastError: { readonly kind: string; readonly message: string } | null;
}

export async function assignmentsOf(client: GatewayClient, identityId: string): Promise<{ status: string; assignments: AssignmentView[] }> {
  const data = await client.untilDone(`assignments of ${identityId}`, () =>
    client.data<{ identity: { status: string; assignments: AssignmentView[] } }>(ASSIGNMENTS, { id: identityId }),
  );
  return data.identity;
}

export async function deadLetters(client: GatewayClient): Promise<OperationView[]> {
  const data = await client.untilDone('dead letters', () =>
    client.data<{ deadLetters: { edges: { node: OperationView }[] } }>(DEAD_LETTERS, {}),
  );
  return data.deadLetters.edges.map((edge) => edge.node);
}

export async function openOperations(client: GatewayClient): Promise<OperationView[]> {
  const data = await client.untilDone('open operations', () =>
    client.data<{ operations: { edges: { node: OperationView }[] } }>(OPEN_OPERATIONS, {}),
  );
  return data.operations.edges.map((edge) => edge.node);
}

/** Whether every approved request's grant has come and gone (expired, or revoked with its leaver). */
export async function requestsSettled(client: GatewayClient, requests: readonly RequestRecord[]): Promise<boolean> {
  for (const request of requests) {
    const { assignments } = await assignmentsOf(client, request.person.identityId!);
    const granted = assignments.find(
      (assignment) => assignment.source.kind === 'REQUEST' && assignment.source.reference === request.requestId,
    );
    // A leaver's request may be cancelled before it is granted; every other one must come and go.
    if (!granted && request.person.status === 'active') return false;
    if (granted && (granted.status !== 'REVOKED' || !granted.revocationAcknowledgedAt)) return false;
  }
  return true;
}

export interface ReconciliationRecord {
  readonly applicationId: string;
  readonly runId: string;
}

/** How each run stands: RUNNING, COMPLETED, or FAILED with its error kind (`abandoned` when a sweep ended it); null when unknown. */
async function runOutcomes(client: GatewayClient, runs: readonly ReconciliationRecord[]): Promise<(string | null)[]> {
  const outcomes: (string | null)[] = [];
  for (const run of runs) {
    const data = await client.untilDone(`reconciliation ${run.runId}`, () =>
      client.data<{ reconciliationRun: { status: string; error: { kind: string } | null } | null }>(RECONCILIATION_RUN, { id: run.runId }),
    );
    const found = data.reconciliationRun;
    outcomes.push(found ? [found.status, found.error?.kind].filter(Boolean).join(' ') : null);
  }
  return outcomes;
}

/** Whether every reconciliation started has ended: finished, failed, or ended as abandoned by a sweep after its instance died. */
export async function reconciliationsEnded(client: GatewayClient, runs: readonly ReconciliationRecord[]): Promise<boolean> {
  return (await runOutcomes(client, runs)).every((outcome) => outcome !== null && outcome !== 'RUNNING');
}

/** How many runs ended each way (e.g. `COMPLETED`, `FAILED abandoned`), for the report. */
export async function reconciliationOutcomes(
  client: GatewayClient,
  runs: readonly ReconciliationRecord[],
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const outcome of await runOutcomes(client, runs)) counts[outcome ?? 'unknown'] = (counts[outcome ?? 'unknown'] ?? 0) + 1;
  return counts;
}

/**
 * What the event log (through the read models) says about the run: each person's status and
 * assignments, each request's grant, each dead letter's cause, each reconciliation's end.
 */
export async function checkLog(
  client: GatewayClient,
  people: People,
  requests: readonly RequestRecord[],
  reconciliationRuns: readonly ReconciliationRecord[],
): Promise<Findings> {
  const findings = new Findings();
  for (const person of people.all()) {
    if (!person.identityId) continue;
    const { status, assignments } = await assignmentsOf(client, person.identityId);
    const expectedStatus = person.status === 'terminated' ? 'TERMINATED' : 'ACTIVE';
    if (status !== expectedStatus) findings.other.push(`${person.employeeNumber} is ${status}, HR says ${expectedStatus}`);
    const live = new Map<string, number>();
    for (const assignment of assignments.filter((candidate) => candidate.status !== 'REVOKED')) {
      const key = `${assignment.applicationId}/${assignment.entitlementKey}`;
      live.set(key, (live.get(key) ?? 0) + 1);
      if (person.status === 'terminated')
        findings.notRevoked.push(`leaver ${person.employeeNumber} still has assignment ${key} (${assignment.status})`);
    }
    for (const [key, count] of live)
      if (count > 1) findings.duplicated.push(`${person.employeeNumber} has ${count} live assignments of ${key}`);
  }
  for (const request of requests) {
    const data = await client.untilDone(`request ${request.requestId}`, () =>
      client.data<{ accessRequest: { status: string; failureReason: string | null; cancellation: string | null } }>(REQUEST, {
        id: request.requestId,
      }),
    );
    const { assignments } = await assignmentsOf(client, request.person.identityId!);
    const grants = assignments.filter(
      (assignment) => assignment.source.kind === 'REQUEST' && assignment.source.reference === request.requestId,
    );
    const what = `request ${request.requestId} (${request.person.employeeNumber}, ${request.applicationId}/${request.entitlementKey})`;
    if (grants.length > 1) findings.duplicated.push(`${what} has ${grants.length} assignments`);
    const grant = grants[0];
    if (!grant) {
      // A leaver's pending request is cancelled, and a grant cannot follow: the only way to have none.
      if (!(request.person.status === 'terminated' && data.accessRequest.status === 'CANCELLED'))
        findings.lost.push(
          `${what} is ${data.accessRequest.status} with no assignment (${data.accessRequest.failureReason ?? data.accessRequest.cancellation ?? 'no reason'})`,
        );
      continue;
    }
    if (grant.status !== 'REVOKED') findings.notRevoked.push(`${what}: its grant is ${grant.status}, not expired`);
    else if (!grant.revocationAcknowledgedAt)
      findings.notRevoked.push(`${what}: its revocation was never acknowledged by ${request.applicationId}`);
    if (grant.revocationReason === 'EXPIRED' && !grant.acknowledgedAt)
      findings.lost.push(`${what}: expired without ever being provisioned`);
  }
  for (const letter of await deadLetters(client)) {
    if (!letter.lastError?.message) findings.other.push(`dead letter ${letter.id} (${letter.applicationId} ${letter.action}) has no cause`);
  }
  const outcomes = await runOutcomes(client, reconciliationRuns);
  reconciliationRuns.forEach((run, index) => {
    const outcome = outcomes[index];
    if (outcome === null || outcome === undefined || outcome === 'RUNNING')
      findings.other.push(`reconciliation ${run.runId} of ${run.applicationId} never ended (${outcome ?? 'unknown'})`);
  });
  return findings;
}
