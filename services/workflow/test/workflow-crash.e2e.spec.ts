import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PostgresEventStore, migrate } from '@tenure/event-store-postgres';
import { mintCallerToken } from '@tenure/service-runtime';
import {
  createTestDatabase,
  freePort,
  hire,
  identityIdOf,
  NodeProcess,
  postGraphql,
  waitFor,
  type TestDatabase,
  type TestPerson,
} from '@tenure/testing';
import { terminate } from '../src/testing/identity-events';
import { killSwitchPlanned, operationSucceeded, type TestOperation } from '../src/testing/operation-events';
import { publishPolicy } from '../src/testing/policy-events';

// Crash safety of the workflow service, as an operator would meet it: the service runs as its own
// process from its build and is killed with SIGKILL while expiry and escalation timers are pending
// (and fall due while it is down), and while a leaver is half-done. The connector does not run: the
// test acknowledges grants, revocations and account disables itself, in the connector's published
// shapes. After each restart everything completes, and the log records each effect exactly once.
const SERVICE_SCRIPT = join(__dirname, '..', 'dist', 'main.js');
const ADMIN_TOKEN = 'workflow-crash-admin-token';
const CALLER_TOKEN_SECRET = 'workflow-crash-caller-token-secret-0123456789';
const HOUR_MS = 3_600_000;
/** Short grants: auto-approved, and over while the service is down. */
const SHORT_GRANT_MS = 5_000;
/** Approval steps escalate this long after they open. */
const ESCALATION_MS = 6_000;

/**
 * Mail and chat for everyone; anything is requestable for up to a day with the manager's approval,
 * and auto-approved (low risk) for at most an hour.
 */
const POLICY = {
  roles: [],
  birthrightRules: [
    {
      id: 'everyone',
      name: 'Everyone',
      condition: { op: 'always' },
      entitlements: [
        { application: 'mail', entitlement: 'mailbox' },
        { application: 'chat', entitlement: 'member' },
      ],
    },
  ],
  sodRules: [],
  approverGroups: [],
  accessPolicies: [
    {
      id: 'default',
      name: 'Anything, short grants without people',
      scope: { kind: 'default' },
      maxDurationHours: 24,
      approvalChain: [{ kind: 'manager' }],
      autoApproval: { maxRisk: 'low', minPeerShare: 0, maxDurationHours: 1 },
      risk: 'low',
    },
  ],
};

// Managers without a manager of their own: an escalated step goes to administrators, once.
const TIMER_MANAGER = '7100';
const TIMER_PEOPLE = ['7101', '7102', '7103'];
const LEAVER_MANAGER = '8100';
/** The first is killed the moment its termination is in the log, the second once workflow has begun to answer it. */
const LEAVERS = ['8101', '8102'] as const;
const PEOPLE: TestPerson[] = [
  { employeeNumber: TIMER_MANAGER, department: 'Sales' },
  ...TIMER_PEOPLE.map((employeeNumber) => ({ employeeNumber, department: 'Sales', managerEmployeeNumber: TIMER_MANAGER })),
  { employeeNumber: LEAVER_MANAGER, department: 'Finance' },
  ...LEAVERS.map((employeeNumber) => ({ employeeNumber, department: 'Finance', managerEmployeeNumber: LEAVER_MANAGER })),
];

interface Requested {
  readonly requestId: string;
  readonly assignmentId: string;
  readonly employeeNumber: string;
  readonly applicationId: string;
  readonly entitlementKey: string;
}

interface CountRow {
  readonly key: string;
  readonly count: number;
}

describe('the workflow service killed with SIGKILL and restarted', () => {
  let database: TestDatabase;
  let store: PostgresEventStore;
  let service: NodeProcess | undefined;
  let origin: string;
  const tokens = new Map<string, string>();

  async function startService(): Promise<void> {
    const port = await freePort();
    service = NodeProcess.start('workflow', SERVICE_SCRIPT, {
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: database.url,
      LOG_LEVEL: 'info',
      ADMIN_TOKENS: ADMIN_TOKEN,
      CALLER_TOKEN_SECRET,
      WORKFLOW_APPROVAL_ESCALATION_HOURS: String(ESCALATION_MS / HOUR_MS),
    });
    await service.waitForLog('listening', 30_000);
    origin = `http://127.0.0.1:${port}`;
  }

  async function kill(): Promise<void> {
    const exit = await service!.stop('SIGKILL');
    expect(exit.signal).toBe('SIGKILL');
  }

  async function query<Row extends object>(sql: string, values: unknown[] = []): Promise<Row[]> {
    return (await store.pool.query<Row>(sql, values)).rows;
  }

  /** How many events of `type` each `key` (a SQL expression over `data`) has, among those `where` selects. */
  async function countsBy(type: string, key: string, where = 'true', values: unknown[] = []): Promise<CountRow[]> {
    return query<CountRow>(
      `SELECT ${key} AS key, count(*)::int AS count FROM tenure_events WHERE type = $1 AND (${where}) GROUP BY 1 ORDER BY 1`,
      [type, ...values],
    );
  }

  const once = (keys: readonly string[]): CountRow[] => [...keys].sort().map((key) => ({ key, count: 1 }));

  async function requestAccess(employeeNumber: string, applicationId: string, entitlementKey: string, hours: number) {
    const { data, errors } = await postGraphql<{ requestAccess: { id: string; status: string } }>(
      origin,
      'mutation ($input: RequestAccessInput!) { requestAccess(input: $input) { id status } }',
      { input: { applicationId, entitlementKey, justification: 'crash test', durationHours: hours } },
      tokens.get(employeeNumber)!,
    );
    expect(errors).toBeUndefined();
    const requestId = data!.requestAccess.id;
    const requested: Requested = { requestId, assignmentId: `request-${requestId}`, employeeNumber, applicationId, entitlementKey };
    return { ...requested, status: data!.requestAccess.status };
  }

  /** The assignments a request fulfilment added, in the log. */
  async function waitForAssignments(assignmentIds: readonly string[]): Promise<void> {
    await waitFor(
      'the requested assignments',
      async () =>
        (await countsBy('AssignmentAdded', "data->>'assignmentId'", "data->>'assignmentId' = ANY($2)", [assignmentIds])).length ===
        assignmentIds.length
          ? true
          : undefined,
      15_000,
      50,
    );
  }

  function operationOf(
    assignment: Pick<Requested, 'assignmentId' | 'employeeNumber' | 'applicationId' | 'entitlementKey'>,
    action: 'grant' | 'revoke',
  ): TestOperation {
    return {
      operationId: `${action}-${assignment.assignmentId}`,
      action,
      identityId: identityIdOf(assignment.employeeNumber),
      applicationId: assignment.applicationId,
      assignmentId: assignment.assignmentId,
      entitlementKey: assignment.entitlementKey,
    };
  }

  const acknowledge = (assignment: Requested, action: 'grant' | 'revoke') =>
    operationSucceeded(store, operationOf(assignment, action), new Date().toISOString());

  async function timersPending(kind: string, timerIds: readonly string[]): Promise<number> {
    const [row] = await query<{ count: number }>(
      'SELECT count(*)::int AS count FROM tenure_timers WHERE kind = $1 AND timer_id = ANY($2)',
      [kind, timerIds],
    );
    return row!.count;
  }

  beforeAll(async () => {
    if (!existsSync(SERVICE_SCRIPT))
      throw new Error(`${SERVICE_SCRIPT} is missing: build first (npx nx run @tenure/workflow-service:build)`);
    database = await createTestDatabase(4);
    await migrate(database.pool);
    store = new PostgresEventStore({ connectionString: database.url, poolSize: 4 });
    for (const person of PEOPLE) tokens.set(person.employeeNumber, await mintCallerToken(CALLER_TOKEN_SECRET, person.employeeNumber));
    await publishPolicy(store, 1, POLICY);
    for (const person of PEOPLE) await hire(store, person);
    await startService();
    await waitFor(
      'the policy and the people in workflow’s read models',
      async () => {
        const [policy] = await query<{ valid: boolean }>('SELECT valid FROM workflow_policy_versions WHERE version = 1');
        const people = await query('SELECT 1 FROM workflow_identities WHERE status = $1', ['active']);
        if (policy && !policy.valid) throw new Error('the test policy is not valid');
        return policy?.valid && people.length === PEOPLE.length ? true : undefined;
      },
      20_000,
      50,
    );
  }, 60_000);

  afterAll(async () => {
    await service?.stop();
    await store?.close();
    await database?.drop();
  });

  it('given expiries and an escalation due while it is down, when it restarts, then each fires exactly once and nothing else is revoked', async () => {
    // Short grants acknowledged while it runs (their expiry timers scheduled before the kill) and
    // while it is down (scheduled at the restart, already due); one grant of an hour stays.
    const request = requestAccess;
    const short = SHORT_GRANT_MS / HOUR_MS;
    const ackedWhileUp = [
      await request('7101', 'crm', 'viewer', short),
      await request('7102', 'crm', 'viewer', short),
      await request('7103', 'crm', 'viewer', short),
      await request('7101', 'wiki', 'editor', short),
    ];
    const ackedWhileDown = [await request('7102', 'wiki', 'editor', short), await request('7103', 'wiki', 'editor', short)];
    const lasting = await request('7101', 'bi', 'analyst', 1);
    for (const granted of [...ackedWhileUp, ...ackedWhileDown, lasting]) expect(granted.status).toBe('APPROVED');
    await waitForAssignments([...ackedWhileUp, ...ackedWhileDown, lasting].map((granted) => granted.assignmentId));
    for (const granted of [...ackedWhileUp, lasting]) await acknowledge(granted, 'grant');

    // Four hours need the manager: the step escalates (to administrators: 7100 has no manager) while the service is down.
    const escalating = await request('7103', 'erp', 'approver', 4);
    expect(escalating.status).toBe('PENDING');

    const expiryTimerOf = (granted: Requested) => `workflow-assignment-expiry:${granted.assignmentId}`;
    const shortTimers = ackedWhileUp.map(expiryTimerOf);
    const expiryTimers = [...shortTimers, expiryTimerOf(lasting)];
    await waitFor(
      'the expiry timers and the escalation timer',
      async () =>
        (await timersPending('workflow-assignment-expiry', expiryTimers)) === expiryTimers.length &&
        (
          await query("SELECT 1 FROM tenure_timers WHERE kind = 'workflow-approval-escalation' AND payload->>'requestId' = $1", [
            escalating.requestId,
          ])
        ).length === 1
          ? true
          : undefined,
      15_000,
      50,
    );
    await kill();
    await expect(countsBy('AssignmentRevoked', "data->>'assignmentId'")).resolves.toEqual([]); // all still pending at the kill
    await expect(countsBy('ApprovalStepEscalated', "data->>'requestId'")).resolves.toEqual([]);
    const [due] = await query<{ due_at: Date }>(
      "SELECT max(due_at) AS due_at FROM tenure_timers WHERE timer_id = ANY($1) OR (kind = 'workflow-approval-escalation' AND payload->>'requestId' = $2)",
      [shortTimers, escalating.requestId],
    );
    for (const granted of ackedWhileDown) await acknowledge(granted, 'grant');
    const latestDue = Math.max(due!.due_at.getTime(), Date.now() + SHORT_GRANT_MS);
    await new Promise((resolve) => setTimeout(resolve, latestDue - Date.now() + 200));

    await startService();
    const expired = [...ackedWhileUp, ...ackedWhileDown].map((granted) => granted.assignmentId);
    await waitFor(
      'every short grant revoked and the step escalated',
      async () =>
        (await countsBy('AssignmentRevoked', "data->>'assignmentId'")).length === expired.length &&
        (await countsBy('ApprovalStepEscalated', "data->>'requestId'")).length === 1
          ? true
          : undefined,
      20_000,
      50,
    );
    // The connector acknowledges the revocations; then the timers are done and the read model settled.
    for (const granted of [...ackedWhileUp, ...ackedWhileDown]) await acknowledge(granted, 'revoke');
    await waitFor(
      'the revocations acknowledged',
      async () =>
        (await query("SELECT 1 FROM workflow_assignments WHERE assignment_id = ANY($1) AND status = 'revoked'", [expired])).length ===
        expired.length
          ? true
          : undefined,
      15_000,
      50,
    );

    await expect(countsBy('AssignmentRevoked', "(data->>'assignmentId') || ' ' || (data->>'reason')")).resolves.toEqual(
      once(expired.map((assignmentId) => `${assignmentId} expired`)),
    );
    await expect(countsBy('AssignmentRevocationAcknowledged', "data->>'assignmentId'")).resolves.toEqual(once(expired));
    await expect(countsBy('AssignmentProvisioned', "data->>'assignmentId'")).resolves.toEqual(once([...expired, lasting.assignmentId]));
    await expect(
      countsBy('ApprovalStepEscalated', "(data->>'requestId') || ' ' || (data->>'stepIndex') || ' ' || (data->>'toAdministrators')"),
    ).resolves.toEqual(once([`${escalating.requestId} 0 true`]));
    await expect(
      query("SELECT assignment_id, status FROM workflow_assignments WHERE source_kind = 'request' AND status <> 'revoked'"),
    ).resolves.toEqual([{ assignment_id: lasting.assignmentId, status: 'active' }]);
    await expect(timersPending('workflow-assignment-expiry', expiryTimers)).resolves.toBe(1); // the hour's
    await expect(query("SELECT 1 FROM tenure_timers WHERE kind = 'workflow-approval-escalation'")).resolves.toEqual([]);
  }, 60_000);

  interface Leaver {
    readonly employeeNumber: string;
    readonly identityId: string;
    readonly assignments: readonly Requested[];
    readonly pendingRequestId: string;
    terminationEventId?: string;
  }

  /** Birthright mail and chat, two auto-approved grants of an hour, and a request waiting for the manager; two of the four provisioned. */
  async function prepareLeaver(employeeNumber: string): Promise<Leaver> {
    const identityId = identityIdOf(employeeNumber);
    const grants = [await requestAccess(employeeNumber, 'crm', 'viewer', 1), await requestAccess(employeeNumber, 'bi', 'analyst', 1)];
    const pending = await requestAccess(employeeNumber, 'erp', 'approver', 4);
    expect(pending.status).toBe('PENDING');
    await waitForAssignments(grants.map((granted) => granted.assignmentId));
    const held = await waitFor(
      'the leaver’s four assignments',
      async () => {
        const rows = await query<{ assignment_id: string; application_id: string; entitlement_key: string }>(
          'SELECT assignment_id, application_id, entitlement_key FROM workflow_assignments WHERE identity_id = $1 ORDER BY assignment_id',
          [identityId],
        );
        return rows.length === 4 ? rows : undefined;
      },
      15_000,
      50,
    );
    const assignments: Requested[] = held.map((row) => ({
      requestId: '',
      assignmentId: row.assignment_id,
      employeeNumber,
      applicationId: row.application_id,
      entitlementKey: row.entitlement_key,
    }));
    await acknowledge(
      assignments.find((assignment) => assignment.applicationId === 'mail')!,
      'grant',
    );
    await acknowledge(grants[0]!, 'grant');
    await waitFor(
      'two of them active',
      async () =>
        (await query("SELECT 1 FROM workflow_assignments WHERE identity_id = $1 AND status = 'active'", [identityId])).length === 2
          ? true
          : undefined,
      15_000,
      50,
    );
    return { employeeNumber, identityId, assignments, pendingRequestId: pending.requestId };
  }

  const disablesOf = (leaver: Leaver): TestOperation[] =>
    ['mail', 'chat'].map((applicationId) => ({
      operationId: `disable-${applicationId}-${leaver.employeeNumber}`,
      action: 'disable-account',
      identityId: leaver.identityId,
      applicationId,
    }));

  it('given leavers half-done, when it is killed and restarted, then everything is revoked and each run completes exactly once', async () => {
    const leavers = [await prepareLeaver(LEAVERS[0]), await prepareLeaver(LEAVERS[1])];
    const [first, second] = leavers as [Leaver, Leaver];

    // Killed the moment the first termination is in the log, before workflow can answer it...
    first.terminationEventId = await terminate(store, first.employeeNumber);
    await kill();
    await startService();
    // ...and the second once workflow has recorded its kill switch, while the followers and read models still answer it.
    second.terminationEventId = await terminate(store, second.employeeNumber);
    await waitFor(
      'the second termination marked',
      async () =>
        (await countsBy('IdentityMarkedTerminated', "data->>'identityId'", "data->>'identityId' = $2", [second.identityId])).length
          ? true
          : undefined,
      15_000,
      5,
    );
    await kill();
    await startService();
    await waitFor(
      'the kill switch’s revocations and the cancelled requests',
      async () =>
        (await countsBy('AssignmentRevoked', "data->>'assignmentId'", "data->>'identityId' = ANY($2)", [leavers.map((l) => l.identityId)]))
          .length === 8 &&
        (
          await countsBy('AccessRequestCancelled', "data->>'requestId'", "data->>'requestId' = ANY($2)", [
            leavers.map((l) => l.pendingRequestId),
          ])
        ).length === 2
          ? true
          : undefined,
      20_000,
      50,
    );

    // The connector plans two account disables per leaver and acknowledges part of the work; killed
    // while workflow follows the acknowledgements; the rest comes while it is down and after the restart.
    for (const leaver of leavers) {
      await killSwitchPlanned(store, {
        identityId: leaver.identityId,
        terminationEventId: leaver.terminationEventId!,
        operationIds: disablesOf(leaver).map((disable) => disable.operationId),
        plannedAt: new Date().toISOString(),
      });
      await operationSucceeded(store, disablesOf(leaver)[0]!, new Date().toISOString());
      await acknowledge(leaver.assignments[0]!, 'revoke');
      await acknowledge(leaver.assignments[1]!, 'revoke');
    }
    await waitFor(
      'half of the revocations acknowledged',
      async () => ((await countsBy('AssignmentRevocationAcknowledged', "data->>'assignmentId'")).length >= 4 ? true : undefined),
      15_000,
      50,
    );
    for (const leaver of leavers) await acknowledge(leaver.assignments[2]!, 'revoke');
    await kill();
    for (const leaver of leavers) await operationSucceeded(store, disablesOf(leaver)[1]!, new Date().toISOString());
    await startService();
    for (const leaver of leavers) await acknowledge(leaver.assignments[3]!, 'revoke');

    interface RunView {
      id: string;
      identityId: string;
      status: string;
      expected: number;
      acknowledged: number;
      failed: number;
      pending: number;
    }
    const runs = await waitFor(
      'both leaver runs completed',
      async () => {
        const { data, errors } = await postGraphql<{ jmlRuns: RunView[] }>(
          origin,
          '{ jmlRuns(kind: LEAVER) { id identityId status expected acknowledged failed pending } }',
          {},
          ADMIN_TOKEN,
        );
        expect(errors).toBeUndefined();
        const all = data!.jmlRuns;
        return all.length >= leavers.length && all.every((run) => run.status === 'COMPLETED') ? all : undefined;
      },
      20_000,
      100,
    );
    const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
    expect([...runs].sort(byId)).toEqual(
      leavers
        .map((leaver) => ({
          id: leaver.terminationEventId!,
          identityId: leaver.identityId,
          status: 'COMPLETED',
          expected: 6, // four revocations, two account disables
          acknowledged: 6,
          failed: 0,
          pending: 0,
        }))
        .sort(byId),
    );
    await expect(query("SELECT run_id FROM workflow_jml_runs WHERE kind = 'leaver' ORDER BY run_id")).resolves.toEqual(
      leavers.map((leaver) => ({ run_id: leaver.terminationEventId })).sort((a, b) => a.run_id!.localeCompare(b.run_id!)),
    );

    const ofLeavers = "data->>'identityId' = ANY($2)";
    const leaverIds = [leavers.map((leaver) => leaver.identityId)];
    const allIds = leavers.flatMap((leaver) => leaver.assignments.map((assignment) => assignment.assignmentId));
    await expect(
      countsBy('AssignmentRevoked', "(data->>'assignmentId') || ' ' || (data->>'reason')", ofLeavers, leaverIds),
    ).resolves.toEqual(once(allIds.map((assignmentId) => `${assignmentId} leaver`)));
    await expect(countsBy('AssignmentRevocationAcknowledged', "data->>'assignmentId'", ofLeavers, leaverIds)).resolves.toEqual(
      once(allIds),
    );
    await expect(countsBy('IdentityMarkedTerminated', "data->>'identityId'", ofLeavers, leaverIds)).resolves.toEqual(once(leaverIds[0]!));
    await expect(countsBy('AccessRequestCancelled', "(data->>'requestId') || ' ' || (data->>'reason')")).resolves.toEqual(
      once(leavers.map((leaver) => `${leaver.pendingRequestId} leaver`)),
    );
    await expect(
      query(
        'SELECT assignment_id, status, revocation_reason FROM workflow_assignments WHERE identity_id = ANY($1) ORDER BY assignment_id',
        leaverIds,
      ),
    ).resolves.toEqual(
      [...allIds].sort().map((assignmentId) => ({ assignment_id: assignmentId, status: 'revoked', revocation_reason: 'leaver' })),
    );
    // Nothing is left to fire for the leavers: the hour-long grants' expiry timers went with the revocations.
    await expect(
      timersPending(
        'workflow-assignment-expiry',
        allIds.map((id) => `workflow-assignment-expiry:${id}`),
      ),
    ).resolves.toBe(0);
  }, 60_000);
});
