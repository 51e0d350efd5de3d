import { personCaller, type Caller } from '@tenure/service-runtime';
import { hire, identityIdOf, terminate, TestClock } from '@tenure/testing';
import { assignmentsStreamId } from '@tenure/contracts';
import { pendingTimers } from '@tenure/event-store-postgres';
import { APPROVAL_ESCALATION_TIMER } from '../../read-model/workflow-requests';
import { publishPolicy } from '../../testing/policy-events';
import { startWorkflowHarness, type WorkflowHarness } from '../../testing/workflow-harness';
import { assignmentIdOfRequest } from './request-fulfilment';

const HOUR = 3_600_000;
const ADMINISTRATOR: Caller = { kind: 'administrator', actor: { kind: 'person', id: 'admin-token' } };

/** Production needs the manager, then two distinct production approvers; the wiki is auto-approved; anything else needs the manager. */
const REQUEST_POLICY = {
  roles: [],
  birthrightRules: [],
  sodRules: [],
  approverGroups: [{ id: 'prod-approvers', name: 'Production approvers', members: ['3001', '3002', '3003'] }],
  accessPolicies: [
    {
      id: 'production',
      name: 'Production access',
      scope: { kind: 'entitlement', entitlement: { application: 'aws', entitlement: 'prod-admin' } },
      maxDurationHours: 8,
      approvalChain: [{ kind: 'manager' }, { kind: 'group', group: 'prod-approvers', approvals: 2 }],
      risk: 'high',
      breakGlass: true,
    },
    {
      id: 'wiki',
      name: 'Wiki',
      scope: { kind: 'application', application: 'wiki' },
      approvalChain: [{ kind: 'manager' }],
      autoApproval: { maxRisk: 'low', minPeerShare: 0 },
      risk: 'low',
    },
    { id: 'default', name: 'Anything else', scope: { kind: 'default' }, maxDurationHours: 72 },
  ],
};

// Requests end to end on the running parts (read models, fulfilment, leaver, escalation timer) and PostgreSQL.
describe('access requests', () => {
  const clock = new TestClock(new Date('2026-06-01T08:00:00.000Z'));
  let harness: WorkflowHarness;
  const requests = () => harness.runtime.requests.requests;
  const settled = async () => {
    await harness.runtime.readModelsCaughtUp();
    await harness.runtime.requests.caughtUp();
    await harness.runtime.readModelsCaughtUp();
  };
  const assignmentEvents = async (employeeNumber: string) =>
    (await harness.store.readStream(assignmentsStreamId(identityIdOf(employeeNumber)))).map((event) => event);

  beforeAll(async () => {
    harness = await startWorkflowHarness(clock);
    await publishPolicy(harness.store, 1, REQUEST_POLICY);
    // 1000 heads everyone; 1001 manages 1002 and 1003; 3001-3003 approve production.
    await hire(harness.store, { employeeNumber: '1000', department: 'Board' });
    await hire(harness.store, { employeeNumber: '1001', department: 'Engineering', managerEmployeeNumber: '1000' });
    for (const report of ['1002', '1003', '1004']) {
      await hire(harness.store, { employeeNumber: report, department: 'Engineering', managerEmployeeNumber: '1001' });
    }
    for (const approver of ['3001', '3002', '3003']) {
      await hire(harness.store, { employeeNumber: approver, department: 'Operations', managerEmployeeNumber: '1000' });
    }
    await settled();
  });

  afterAll(() => harness?.stop());

  it('given production access, when the manager and two production approvers approve, then the assignment is added for the granted hours', async () => {
    const asked = await requests().request(personCaller('1002'), {
      applicationId: 'aws',
      entitlementKey: 'prod-admin',
      justification: 'incident 42',
      durationHours: 12,
    });
    expect(asked).toMatchObject({ status: 'pending', grantedDurationHours: 8, decision: { policyVersion: 1, risk: 'high' } });
    expect(asked.steps.map((step) => [step.status, step.approvers])).toEqual([
      ['open', ['1001']],
      ['waiting', ['3001', '3002', '3003']],
    ]);
    await expect(requests().approve(personCaller('1002'), asked.requestId, 'me')).rejects.toMatchObject({ code: 'forbidden' });

    await requests().approve(personCaller('1001'), asked.requestId, 'fine');
    await requests().approve(personCaller('3001'), asked.requestId, 'ok');
    await expect(requests().approve(personCaller('3001'), asked.requestId, 'again')).rejects.toMatchObject({ code: 'conflict' });
    const approved = await requests().approve(personCaller('3002'), asked.requestId, 'ok');
    expect(approved).toMatchObject({ status: 'approved', how: 'approvals' });
    await settled();

    const view = await harness.runtime.requests.queries.byId(personCaller('1002'), asked.requestId);
    expect(view).toMatchObject({ status: 'granted', assignmentId: assignmentIdOfRequest(asked.requestId) });
    const added = (await assignmentEvents('1002')).find((event) => event.type === 'AssignmentAdded');
    expect(added?.data).toMatchObject({
      assignmentId: assignmentIdOfRequest(asked.requestId),
      source: { kind: 'request', reference: asked.requestId, policyVersion: 1 },
      validUntil: null,
      durationMs: 8 * HOUR,
    });
  });

  it('given a request for someone who does not report to the requester, when made, then it is forbidden and nothing is recorded', async () => {
    const asked = requests().request(personCaller('3001'), {
      identityId: identityIdOf('1003'),
      applicationId: 'aws',
      entitlementKey: 'prod-admin',
      justification: 'curious',
      durationHours: 1,
    });

    await expect(asked).rejects.toMatchObject({
      code: 'forbidden',
      message: '3001 may request access only for themselves and for people in their reporting line, not for 1003',
    });
  });

  it('given auto-approval, when requested, then it is approved with its reasons and granted at once', async () => {
    const asked = await requests().request(personCaller('1003'), {
      applicationId: 'wiki',
      entitlementKey: 'editor',
      justification: 'docs',
      durationHours: 2,
    });
    expect(asked).toMatchObject({ status: 'approved', how: 'auto' });
    expect(asked.approvalReasons).toContain('Risk low is within the auto-approval limit (low).');
    await settled();
    expect(await harness.runtime.requests.queries.byId(ADMINISTRATOR, asked.requestId)).toMatchObject({ status: 'granted' });
  });

  it('given break-glass, when asked for longer than the cap, then it is granted at once for 4 hours as break-glass', async () => {
    const asked = await requests().request(personCaller('1004'), {
      applicationId: 'aws',
      entitlementKey: 'prod-admin',
      justification: 'outage',
      durationHours: 8,
      breakGlass: true,
    });
    expect(asked).toMatchObject({ status: 'approved', how: 'break-glass', grantedDurationHours: 4 });
    await settled();
    const granted = (await harness.store.readStream(`access-request-${asked.requestId}`)).find((event) => event.type === 'AccessGranted');
    expect(granted?.data).toMatchObject({ breakGlass: true, identityId: identityIdOf('1004') });
    const added = (await assignmentEvents('1004')).find((event) => event.type === 'AssignmentAdded');
    expect(added?.data).toMatchObject({ source: { kind: 'break-glass', reference: asked.requestId }, durationMs: 4 * HOUR });
  });

  it('given granted access, when the requester cancels, then the assignment is revoked as cancelled', async () => {
    const asked = await requests().request(personCaller('1003'), {
      applicationId: 'wiki',
      entitlementKey: 'reader',
      justification: 'docs',
      durationHours: 2,
    });
    await settled();
    const cancelled = await requests().cancel(personCaller('1003'), asked.requestId, 'done');
    expect(cancelled).toMatchObject({ status: 'cancelled', cancellation: { cause: 'requester', reason: 'done' } });
    await settled();
    const revoked = (await assignmentEvents('1003')).find(
      (event) =>
        event.type === 'AssignmentRevoked' &&
        (event.data as { assignmentId: string }).assignmentId === assignmentIdOfRequest(asked.requestId),
    );
    expect(revoked?.data).toMatchObject({ reason: 'cancelled' });
  });

  it('given a pending step, when its escalation time passes while the service is down, then after the restart it moves to the manager’s manager', async () => {
    const asked = await requests().request(personCaller('1003'), {
      applicationId: 'crm',
      entitlementKey: 'viewer',
      justification: 'customer call',
      durationHours: 24,
    });
    await settled();
    expect((await pendingTimers(harness.database.pool, APPROVAL_ESCALATION_TIMER)).map((timer) => timer.timerId)).toContain(
      `${APPROVAL_ESCALATION_TIMER}:${asked.requestId}`,
    );

    clock.advance(49 * HOUR); // due while the service restarts
    await harness.restart();
    await harness.runtime.requests.escalateDue();
    await settled();

    const view = await harness.runtime.requests.queries.byId(ADMINISTRATOR, asked.requestId);
    expect(view?.steps[0]).toMatchObject({ approvers: ['1000'], escalations: 1, status: 'open' });
    const inbox = await harness.runtime.requests.queries.pendingApprovalsOf(personCaller('1000'), identityIdOf('1000'));
    expect(inbox.map((request) => request.requestId)).toContain(asked.requestId);
    await requests().approve(personCaller('1000'), asked.requestId, 'escalated to me');
  });

  it('given pending requests, when the subject leaves, then theirs are cancelled; when an approver leaves, then their steps go to their manager', async () => {
    const forLeaver = await requests().request(personCaller('1004'), {
      applicationId: 'crm',
      entitlementKey: 'editor',
      justification: 'sales week',
      durationHours: 24,
    });
    const waitingForManager = await requests().request(personCaller('1002'), {
      applicationId: 'crm',
      entitlementKey: 'editor',
      justification: 'sales week',
      durationHours: 24,
    });
    await settled();

    await terminate(harness.store, '1004');
    await terminate(harness.store, '1001');
    await settled();

    expect(await harness.runtime.requests.queries.byId(ADMINISTRATOR, forLeaver.requestId)).toMatchObject({
      status: 'cancelled',
      cancellation: { cause: 'leaver', reason: 'leaver' },
    });
    const reassigned = await harness.runtime.requests.queries.byId(ADMINISTRATOR, waitingForManager.requestId);
    expect(reassigned).toMatchObject({ status: 'pending' });
    expect(reassigned?.steps[0]?.approvers).toEqual(['1000']);
  });
});
