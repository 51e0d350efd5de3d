import type { RecordedEvent } from '@tenure/event-sourcing';
import { addAssignment, revokeAssignment, TestClock } from '@tenure/testing';
import {
  activate,
  hire,
  hireAndActivate,
  identityIdOf,
  move,
  rehire,
  returnFromLeave,
  startLeave,
  terminate,
} from '../testing/identity-events';
import { POLICY_V1, POLICY_V2, publishPolicy } from '../testing/policy-events';
import { startWorkflowHarness, type WorkflowHarness } from '../testing/workflow-harness';
import { BIRTHRIGHT_CHECKPOINT } from './birthright-process';
import { BIRTHRIGHT_EVENT_TYPES, BIRTHRIGHT_STREAM_PREFIXES, birthrightScope } from './birthright-scope';
import { assignmentsStreamId } from './workflow-streams';

// Joiner, mover, policy change and leaver on PostgreSQL: policy and identity events are appended
// straight to the store, as the policy and identity services would; the birthright process answers.
describe('birthright on PostgreSQL', () => {
  const clock = new TestClock(new Date('2026-06-01T09:00:00Z'));
  let harness: WorkflowHarness;

  const settled = () => harness.runtime.assignmentsCaughtUp();
  /** "application/entitlement source(reference) vN status[reason]" per assignment, by application and entitlement. */
  const held = async (employeeNumber: string, includeRevoked = false): Promise<string[]> => {
    await settled();
    const views = await harness.runtime.queries.forIdentity(identityIdOf(employeeNumber), { includeRevoked });
    return views.map(
      (view) =>
        `${view.applicationId}/${view.entitlementKey} ${view.source.kind}(${view.source.reference}) v${view.source.policyVersion}` +
        (view.revocationReason === null ? '' : ` revoked:${view.revocationReason}`),
    );
  };
  const recorded = async (employeeNumber: string): Promise<RecordedEvent[]> => {
    await settled();
    return harness.store.readStream(assignmentsStreamId(identityIdOf(employeeNumber)));
  };
  const assignmentEventCount = async (): Promise<number> => {
    const { rows } = await harness.database.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM tenure_events WHERE stream_id LIKE 'assignments-%'`,
    );
    return rows[0]!.n;
  };

  beforeAll(async () => {
    harness = await startWorkflowHarness(clock);
    await publishPolicy(harness.store, 1, POLICY_V1);
    await settled();
  });
  afterAll(() => harness.stop());

  it('given policy version 1, when an Engineering joiner is activated, then their birthright is assigned with the granting rules and version', async () => {
    const activation = await hireAndActivate(harness.store, { employeeNumber: '1001', department: 'Engineering' });

    expect(await held('1001')).toEqual([
      'chat/member birthright(everyone) v1',
      'github/org-member birthright(engineering) v1',
      'mail/mailbox birthright(everyone) v1',
      'staging/deploy birthright(engineering) v1',
    ]);
    const events = await recorded('1001');
    expect(events.map((event) => event.type)).toEqual(['AssignmentAdded', 'AssignmentAdded', 'AssignmentAdded', 'AssignmentAdded']);
    expect(events[0]!.metadata).toMatchObject({
      causationId: activation,
      correlationId: `hr-${activation}`,
      actor: { kind: 'service', id: 'workflow-birthright' },
      occurredAt: '2026-06-01T09:00:00.000Z',
    });
    expect(events[0]!.data).toEqual({
      assignmentId: expect.any(String),
      identityId: identityIdOf('1001'),
      applicationId: 'chat',
      entitlementKey: 'member',
      source: { kind: 'birthright', reference: 'everyone', policyVersion: 1 },
      validFrom: '2026-06-01T09:00:00.000Z',
      validUntil: null,
      durationMs: null,
    });
  });

  it('given a pre-hire, when nothing else happens, then nothing is assigned; when they start, then their birthright is', async () => {
    const person = { employeeNumber: '1003', department: 'Finance' };
    await hire(harness.store, person);
    expect(await held('1003')).toEqual([]);
    expect(await recorded('1003')).toEqual([]);

    await activate(harness.store, person);
    expect(await held('1003')).toEqual([
      'chat/member birthright(everyone) v1',
      'erp/create-vendor birthright(finance) v1',
      'mail/mailbox birthright(everyone) v1',
    ]);
  });

  it('given a joiner reporting to 1001, when activated, then the "reports to" birthright is assigned too', async () => {
    await hireAndActivate(harness.store, { employeeNumber: '1002', department: 'Engineering', managerEmployeeNumber: '1001' });

    expect(await held('1002')).toContain('github/approve-code-change birthright(reviewers) v1');
  });

  it('given an Engineering joiner, when they move to Finance, then what no longer applies is revoked, the new is added, the rest is kept', async () => {
    const before = await harness.runtime.queries.forIdentity(identityIdOf('1002'), { includeRevoked: false });
    await move(harness.store, '1002', { department: 'Finance', title: 'Controller' });

    expect(await held('1002', true)).toEqual([
      'chat/member birthright(everyone) v1',
      'erp/create-vendor birthright(finance) v1',
      'github/approve-code-change birthright(reviewers) v1',
      'github/org-member birthright(engineering) v1 revoked:no-longer-birthright',
      'mail/mailbox birthright(everyone) v1',
      'staging/deploy birthright(engineering) v1 revoked:no-longer-birthright',
    ]);
    const after = await harness.runtime.queries.forIdentity(identityIdOf('1002'), { includeRevoked: false });
    const idOf = (views: typeof before, application: string) => views.find((view) => view.applicationId === application)?.assignmentId;
    expect(idOf(after, 'mail')).toBe(idOf(before, 'mail'));
    // Revocations come before additions, in one append.
    expect((await recorded('1002')).slice(-3).map((event) => event.type)).toEqual([
      'AssignmentRevoked',
      'AssignmentRevoked',
      'AssignmentAdded',
    ]);
  });

  it('given a report of a manager workflow does not know yet, when that manager joins under 1001, then the report gets the "reports to" birthright', async () => {
    await hireAndActivate(harness.store, { employeeNumber: '1006', department: 'Sales', managerEmployeeNumber: '1007' });
    expect(await held('1006')).toEqual(['chat/member birthright(everyone) v1', 'mail/mailbox birthright(everyone) v1']);

    await hireAndActivate(harness.store, { employeeNumber: '1007', department: 'Sales', managerEmployeeNumber: '1001' });
    expect(await held('1006')).toContain('github/approve-code-change birthright(reviewers) v1');
  });

  it('given someone active, when a leave starts and ends, then their access is kept as it is', async () => {
    await hireAndActivate(harness.store, { employeeNumber: '1004', department: 'Sales' });
    const before = await held('1004');
    const count = await assignmentEventCount();

    await startLeave(harness.store, '1004');
    expect(await held('1004')).toEqual(before);
    await returnFromLeave(harness.store, '1004');
    expect(await held('1004')).toEqual(before);
    expect(await assignmentEventCount()).toBe(count);
    await startLeave(harness.store, '1004');
  });

  it('given people active, on leave and not started, when version 2 is published, then all but the pre-hire get the new birthright', async () => {
    await hire(harness.store, { employeeNumber: '1008', department: 'Sales' });
    await settled();

    await publishPolicy(harness.store, 2, POLICY_V2);

    expect(await held('1003', true)).toEqual([
      'chat/member birthright(everyone) v1 revoked:no-longer-birthright',
      'erp/create-vendor birthright(finance) v1',
      'mail/mailbox birthright(everyone) v1',
      'wiki/reader birthright(everyone) v2',
    ]);
    for (const active of ['1001', '1002', '1006', '1007']) expect(await held(active)).toContain('wiki/reader birthright(everyone) v2');
    expect(await held('1004')).toEqual(['mail/mailbox birthright(everyone) v1', 'wiki/reader birthright(everyone) v2']);
    expect(await held('1008')).toEqual([]);
  });

  it('given an identity holding access, when terminated, then everything is revoked at once as leaver and nothing more can be assigned', async () => {
    const active = (await held('1001')).length;
    const termination = await terminate(harness.store, '1001');

    expect(await held('1001')).toEqual([]);
    const revoked = await harness.runtime.queries.forIdentity(identityIdOf('1001'), { includeRevoked: true });
    expect(revoked.filter((view) => view.revocationReason === 'leaver')).toHaveLength(active);
    const events = (await recorded('1001')).slice(-(active + 1));
    expect(events.map((event) => event.type)).toEqual([...Array<string>(active).fill('AssignmentRevoked'), 'IdentityMarkedTerminated']);
    expect(new Set(events.map((event) => event.metadata.causationId))).toEqual(new Set([termination]));
    expect(new Set(events.map((event) => String(event.position.commit))).size).toBe(1); // one append, one transaction

    // Birthright changes after the termination touch nobody who left.
    await publishPolicy(harness.store, 3, POLICY_V1);
    expect(await held('1001')).toEqual([]);
    await publishPolicy(harness.store, 4, POLICY_V2);
  });

  it('given a leaver, when rehired, then nothing until the start date; then the birthright is assigned again, under new ids', async () => {
    const person = { employeeNumber: '1001', department: 'Engineering' };
    const before = new Set(
      (await harness.runtime.queries.forIdentity(identityIdOf('1001'), { includeRevoked: true })).map((v) => v.assignmentId),
    );
    await rehire(harness.store, person);
    expect(await held('1001')).toEqual([]);

    await activate(harness.store, person);
    await settled();
    const again = await harness.runtime.queries.forIdentity(identityIdOf('1001'), { includeRevoked: false });
    expect(again.map((view) => `${view.applicationId}/${view.entitlementKey} v${view.source.policyVersion}`)).toEqual([
      'github/org-member v4',
      'mail/mailbox v4',
      'staging/deploy v4',
      'wiki/reader v4',
    ]);
    expect(again.some((view) => before.has(view.assignmentId))).toBe(false);
  });

  it('given a published version that fails validation, when it arrives, then it is not used: birthright stays on the last valid version', async () => {
    const before = await assignmentEventCount();
    await publishPolicy(harness.store, 5, { birthrightRules: 'everyone gets everything' });
    await hireAndActivate(harness.store, { employeeNumber: '1009', department: 'Sales' });

    expect(await held('1009')).toEqual(['mail/mailbox birthright(everyone) v4', 'wiki/reader birthright(everyone) v4']);
    expect(await assignmentEventCount()).toBe(before + 2);
  });

  it('given birthright held by request, when the request expires, then the identity is re-evaluated and birthright assigns it', async () => {
    await hireAndActivate(harness.store, { employeeNumber: '1010', department: 'Sales' });
    const requested = {
      assignmentId: 'request-r-1010',
      identityId: identityIdOf('1010'),
      applicationId: 'staging',
      entitlementKey: 'deploy',
    };
    await addAssignment(harness.store, { ...requested, source: { kind: 'request', reference: 'r-1010', policyVersion: 4 } });
    await move(harness.store, '1010', { department: 'Engineering' });
    const whileRequested = (await held('1010')).filter((line) => line.startsWith('staging/deploy'));

    await revokeAssignment(harness.store, requested, 'expired');

    expect(whileRequested).toEqual(['staging/deploy request(r-1010) v4']);
    expect((await held('1010')).filter((line) => line.startsWith('staging/deploy'))).toEqual([
      expect.stringMatching(/^staging\/deploy birthright\(.+\) v4$/),
    ]);
  });

  it('given everything answered, when the log is read again from the start (checkpoint reset, restart), then nothing is recorded twice', async () => {
    await settled();
    const before = await assignmentEventCount();
    await harness.restart();
    await harness.database.pool.query('DELETE FROM tenure_checkpoints WHERE subscription_id = $1', [BIRTHRIGHT_CHECKPOINT]);
    await harness.restart();
    await settled();
    expect(await assignmentEventCount()).toBe(before);

    // A pass repeated after a crash (events appended, checkpoint not stored) records nothing either.
    const log = await harness.store.readAll({ filter: { streamPrefixes: BIRTHRIGHT_STREAM_PREFIXES, eventTypes: BIRTHRIGHT_EVENT_TYPES } });
    await expect(harness.runtime.assigner.run(birthrightScope(log))).resolves.toMatchObject({ recorded: 0 });
    expect(await assignmentEventCount()).toBe(before);
  });
});
