import { migrate, PostgresEventStore, rebuildProjection } from '@tenure/event-store-postgres';
import { TestClock, createTestDatabase, type TestDatabase } from '@tenure/testing';
import { AccessHistoryQueries, type HeldWithEvidence } from '../../application/access-history-queries';
import {
  added,
  approvedRequest,
  extended,
  provisioned,
  recordAssignmentEvent,
  revocationAcknowledged,
  revoked,
  type ScriptedAssignment,
} from '../../testing/assignment-history-events';
import { hire, identityIdOf } from '../../testing/identity-events';
import { workflowRequestsProjection } from '../workflow-requests';
import type { HeldBasis } from './workflow-assignment-history.queries';
import { workflowAssignmentHistoryProjection } from './workflow-assignment-history.projection';

// A scripted day (and the next) with known answers. Alex (7001): joiner birthright at 09:00, a move
// at 12:00 that revokes github and adds salesforce, a just-in-time aws grant for 2 hours approved by
// two people and extended once, then expired, a leaver at 18:00 and a rehire the next morning.
// Blake (7002): github since 08:00, and an aws grant revoked before the application ever acknowledged it.

const day = (time: string) => `2026-03-02T${time}Z`;
const nextDay = (time: string) => `2026-03-03T${time}Z`;
const ALEX = identityIdOf('7001');
const BLAKE = identityIdOf('7002');
const HOUR = 3_600_000;

const birthright = (rules: string, policyVersion: number) => ({ kind: 'birthright' as const, reference: rules, policyVersion });
const mailbox: ScriptedAssignment = {
  assignmentId: 'a1',
  identityId: ALEX,
  applicationId: 'mail',
  entitlementKey: 'mailbox',
  source: birthright('rule-all', 1),
};
const github: ScriptedAssignment = {
  assignmentId: 'a2',
  identityId: ALEX,
  applicationId: 'github',
  entitlementKey: 'org-member',
  source: birthright('rule-eng', 1),
};
const salesforce: ScriptedAssignment = {
  assignmentId: 'a3',
  identityId: ALEX,
  applicationId: 'salesforce',
  entitlementKey: 'user',
  source: birthright('rule-sales', 2),
};
const prodAdmin: ScriptedAssignment = {
  assignmentId: 'a4',
  identityId: ALEX,
  applicationId: 'aws',
  entitlementKey: 'prod-admin',
  source: { kind: 'request', reference: 'r1', policyVersion: 2 },
  durationMs: 2 * HOUR,
};
const mailboxAgain: ScriptedAssignment = { ...mailbox, assignmentId: 'a5', source: birthright('rule-all', 2) };
const blakeGithub: ScriptedAssignment = { ...github, assignmentId: 'b1', identityId: BLAKE };
const blakeProdAdmin: ScriptedAssignment = {
  ...prodAdmin,
  assignmentId: 'b2',
  identityId: BLAKE,
  source: { kind: 'exception', reference: 'exception-9', policyVersion: 2 },
  durationMs: undefined,
};

describe('access as of a time (workflow_assignment_history)', () => {
  jest.setTimeout(30_000);
  let database: TestDatabase;
  let store: PostgresEventStore;
  let history: AccessHistoryQueries;

  beforeAll(async () => {
    database = await createTestDatabase(2);
    await migrate(database.pool);
    store = new PostgresEventStore({ connectionString: database.url, poolSize: 4 });
    history = new AccessHistoryQueries(store.pool, new TestClock(new Date(nextDay('23:00:00.000'))));
    await hire(store, { employeeNumber: '7001', department: 'Engineering' });
    await hire(store, { employeeNumber: '7002', department: 'Engineering' });

    await added(store, blakeGithub, day('08:00:00.000'));
    await provisioned(store, blakeGithub, day('08:01:00.000'));
    // Joiner.
    await added(store, mailbox, day('09:00:00.000'));
    await added(store, github, day('09:00:00.000'));
    await provisioned(store, mailbox, day('09:05:00.000'));
    await provisioned(store, github, day('09:06:00.000'));
    // Mover: github no longer birthright, salesforce added, in one decision.
    await revoked(store, github, 'no-longer-birthright', day('12:00:00.000'));
    await added(store, salesforce, day('12:00:00.000'));
    await revocationAcknowledged(store, github, day('12:03:00.000'));
    await provisioned(store, salesforce, day('12:04:00.000'));
    // Just in time: approved by the manager then the owner, granted, acknowledged at 13:30 (ends 15:30).
    await approvedRequest(store, {
      requestId: 'r1',
      subjectEmployeeNumber: '7001',
      assignment: prodAdmin,
      requestedAt: day('13:00:00.000'),
      approvals: [
        { by: '7000', comment: 'on call tonight', at: day('13:10:00.000') },
        { by: '7100', comment: 'owner ok', at: day('13:20:00.000') },
      ],
    });
    await added(store, prodAdmin, day('13:20:00.000'));
    await provisioned(store, prodAdmin, day('13:30:00.000'));
    await added(store, blakeProdAdmin, day('14:00:00.000'));
    await revoked(store, blakeProdAdmin, 'administrator', day('14:30:00.000'));
    await revocationAcknowledged(store, blakeProdAdmin, day('14:31:00.000'));
    // Extended at 15:00 to 16:30 by a second request, then expired.
    await approvedRequest(store, {
      requestId: 'r2',
      subjectEmployeeNumber: '7001',
      assignment: prodAdmin,
      requestedAt: day('14:50:00.000'),
      approvals: [{ by: '7000', comment: 'one more hour', at: day('15:00:00.000') }],
      extension: true,
    });
    await extended(store, prodAdmin, 'r2', day('16:30:00.000'), day('15:00:00.000'));
    await revoked(store, prodAdmin, 'expired', day('16:30:00.000'));
    await revocationAcknowledged(store, prodAdmin, day('16:31:00.000'));
    // Leaver.
    await revoked(store, mailbox, 'leaver', day('18:00:00.000'));
    await revoked(store, salesforce, 'leaver', day('18:00:00.000'));
    await recordAssignmentEvent(
      store,
      ALEX,
      { type: 'IdentityMarkedTerminated', data: { identityId: ALEX, identityRevision: 3, terminatedAt: day('18:00:00.000') } },
      day('18:00:00.000'),
    );
    await revocationAcknowledged(store, mailbox, day('18:02:00.000'));
    await revocationAcknowledged(store, salesforce, day('18:05:00.000'));
    // Rehire.
    await recordAssignmentEvent(
      store,
      ALEX,
      { type: 'IdentityMarkedRehired', data: { identityId: ALEX, identityRevision: 5, rehiredAt: nextDay('09:00:00.000') } },
      nextDay('09:00:00.000'),
    );
    await added(store, mailboxAgain, nextDay('09:00:00.000'));
    await provisioned(store, mailboxAgain, nextDay('09:01:00.000'));

    await rebuildProjection(store.pool, store.wakeups, workflowAssignmentHistoryProjection);
    await rebuildProjection(store.pool, store.wakeups, workflowRequestsProjection);
  });

  afterAll(async () => {
    await store?.close();
    await database?.drop();
  });

  const alexAt = async (at: string, basis: HeldBasis = 'in-application') => ids(await history.accessAt(ALEX, new Date(at), basis));
  const holders = async (applicationId: string, entitlementKey: string, at: string, basis: HeldBasis = 'in-application') =>
    ids(await history.holdersAt(applicationId, entitlementKey, new Date(at), basis));

  it.each([
    [day('08:59:59.999'), []],
    [day('09:00:00.000'), []],
    [day('09:04:59.999'), []],
    [day('09:05:00.000'), ['a1']],
    [day('09:06:00.000'), ['a2', 'a1']],
    [day('12:00:00.000'), ['a2', 'a1']],
    [day('12:02:59.999'), ['a2', 'a1']],
    [day('12:03:00.000'), ['a1']],
    [day('12:04:00.000'), ['a1', 'a3']],
    [day('13:29:59.999'), ['a1', 'a3']],
    [day('13:30:00.000'), ['a4', 'a1', 'a3']],
    [day('16:30:59.999'), ['a4', 'a1', 'a3']],
    [day('16:31:00.000'), ['a1', 'a3']],
    [day('18:00:00.000'), ['a1', 'a3']],
    [day('18:02:00.000'), ['a3']],
    [day('18:04:59.999'), ['a3']],
    [day('18:05:00.000'), []],
    [nextDay('09:00:00.000'), []],
    [nextDay('09:01:00.000'), ['a5']],
    ['2030-01-01T00:00:00.000Z', ['a5']],
  ])('given Alex’s scripted history, when asked what Alex held in the application at %s, then exactly %j', async (at, expected) => {
    expect(await alexAt(at)).toEqual(expected);
  });

  it.each([
    [day('08:59:59.999'), []],
    [day('09:00:00.000'), ['a2', 'a1']],
    [day('11:59:59.999'), ['a2', 'a1']],
    [day('12:00:00.000'), ['a1', 'a3']],
    [day('13:19:59.999'), ['a1', 'a3']],
    [day('13:20:00.000'), ['a4', 'a1', 'a3']],
    [day('16:29:59.999'), ['a4', 'a1', 'a3']],
    [day('16:30:00.000'), ['a1', 'a3']],
    [day('17:59:59.999'), ['a1', 'a3']],
    [day('18:00:00.000'), []],
    [nextDay('08:59:59.999'), []],
    [nextDay('09:00:00.000'), ['a5']],
  ])('given Alex’s scripted history, when asked what was assigned to Alex at %s, then exactly %j', async (at, expected) => {
    expect(await alexAt(at, 'assigned')).toEqual(expected);
  });

  it.each([
    [day('07:59:59.999'), 'in-application', []],
    [day('08:00:59.999'), 'in-application', []],
    [day('08:01:00.000'), 'in-application', ['b1']],
    [day('09:06:00.000'), 'in-application', ['a2', 'b1']],
    [day('12:03:00.000'), 'in-application', ['b1']],
    [day('09:00:00.000'), 'assigned', ['a2', 'b1']],
    [day('12:00:00.000'), 'assigned', ['b1']],
  ] as const)('given two engineers, when asked who held github org-member at %s (%s), then exactly %j', async (at, basis, expected) => {
    expect(await holders('github', 'org-member', at, basis)).toEqual(expected);
  });

  it.each([
    [day('14:15:00.000'), 'in-application', ['a4']],
    [day('14:15:00.000'), 'assigned', ['a4', 'b2']],
    [day('14:30:00.000'), 'assigned', ['a4']],
    [day('16:30:00.000'), 'assigned', []],
    [day('16:30:00.000'), 'in-application', ['a4']],
  ] as const)(
    'given a grant revoked before the application acknowledged it, when asked who held aws prod-admin at %s (%s), then exactly %j',
    async (at, basis, expected) => {
      expect(await holders('aws', 'prod-admin', at, basis)).toEqual(expected);
    },
  );

  it('given the just-in-time grant, when asked before its extension, then it shows why, since when, its end then and who approved each step', async () => {
    const [held] = await history.holdersAt('aws', 'prod-admin', new Date(day('14:59:59.999')), 'in-application');

    expect(held?.held).toMatchObject({
      assignmentId: 'a4',
      identityId: ALEX,
      employeeNumber: '7001',
      source: { kind: 'request', reference: 'r1', policyVersion: 2 },
      since: new Date(day('13:30:00.000')),
      addedAt: new Date(day('13:20:00.000')),
      activeFrom: new Date(day('13:30:00.000')),
      validUntilAt: new Date(day('15:30:00.000')),
      revokedAt: new Date(day('16:30:00.000')),
      revocationReason: 'expired',
      revocationAcknowledgedAt: new Date(day('16:31:00.000')),
    });
    expect(approvalsOf(held)).toEqual([
      { requestId: 'r1', step: 0, by: '7000', comment: 'on call tonight', at: day('13:10:00.000') },
      { requestId: 'r1', step: 1, by: '7100', comment: 'owner ok', at: day('13:20:00.000') },
    ]);
  });

  it('given the extension applied at 15:00, when asked at 15:00, then the end in force is the extended one and its approver is shown', async () => {
    const [held] = await history.accessAt(ALEX, new Date(day('15:00:00.000')), 'in-application');

    expect(held?.held.validUntilAt).toEqual(new Date(day('16:30:00.000')));
    expect(approvalsOf(held).map((approval) => `${approval.requestId}:${approval.by}`)).toEqual(['r1:7000', 'r1:7100', 'r2:7000']);
  });

  it('given the grant added but not acknowledged yet, when asked under assigned at 13:25, then its end is not known yet', async () => {
    const held = await history.accessAt(ALEX, new Date(day('13:25:00.000')), 'assigned');

    expect(held.find((entry) => entry.held.assignmentId === 'a4')?.held).toMatchObject({
      since: new Date(day('13:20:00.000')),
      validUntilAt: null,
    });
  });

  it('given birthright access, when asked, then the source names the rules and policy version and no request is attached', async () => {
    const held = await history.accessAt(ALEX, new Date(nextDay('10:00:00.000')), 'in-application');

    expect(held).toEqual([
      expect.objectContaining({
        held: expect.objectContaining({ assignmentId: 'a5', source: birthright('rule-all', 2), since: new Date(nextDay('09:01:00.000')) }),
        requests: [],
      }),
    ]);
  });

  it('given the day’s history, when just-in-time grants are asked for that day, then only requested access is listed, with its approvals and what became of it', async () => {
    const grants = await history.requestedBetween(new Date(day('00:00:00.000')), new Date(nextDay('00:00:00.000')));

    expect(grants.map((grant) => grant.held.assignmentId)).toEqual(['a4']);
    expect(grants[0]?.held).toMatchObject({ revokedAt: new Date(day('16:30:00.000')), revocationReason: 'expired' });
    expect(approvalsOf(grants[0]).slice(0, 2)).toEqual([
      expect.objectContaining({ requestId: 'r1', step: 0, by: '7000' }),
      expect.objectContaining({ requestId: 'r1', step: 1, by: '7100' }),
    ]);
  });

  it('given the projection rebuilt again from position 0, when asked, then the answers are the same', async () => {
    const before = await history.accessAt(ALEX, new Date(day('15:00:00.000')), 'in-application');

    await rebuildProjection(store.pool, store.wakeups, workflowAssignmentHistoryProjection, { batchSize: 3 });

    expect(await history.accessAt(ALEX, new Date(day('15:00:00.000')), 'in-application')).toEqual(before);
  });
});

function ids(held: readonly HeldWithEvidence[]): string[] {
  return held.map((entry) => entry.held.assignmentId);
}

function approvalsOf(held: HeldWithEvidence | undefined) {
  return (held?.requests ?? []).flatMap((request) =>
    request.steps.flatMap((step) =>
      step.approvals.map((approval) => ({
        requestId: request.requestId,
        step: step.index,
        by: approval.by.kind === 'person' ? approval.by.employeeNumber : approval.by.kind,
        comment: approval.comment,
        at: approval.at,
      })),
    ),
  );
}
