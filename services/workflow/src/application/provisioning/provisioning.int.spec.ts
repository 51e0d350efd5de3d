import type { PublishedDriftAdopted } from '@tenure/contracts';
import { driftStreamId } from '@tenure/contracts';
import { pendingTimers } from '@tenure/event-store-postgres';
import { TestClock } from '@tenure/testing';
import { randomUUID } from 'node:crypto';
import { commands } from '../../domain/process-outcome';
import { ASSIGNMENT_EXPIRY_TIMER } from '../../read-model/workflow-assignments/workflow-assignments.projection';
import { hire, hireAndActivate, identityIdOf, terminate } from '../../testing/identity-events';
import { killSwitchPlanned, operationFailed, operationSucceeded } from '../../testing/operation-events';
import { POLICY_V1, publishPolicy } from '../../testing/policy-events';
import { startWorkflowHarness, type WorkflowHarness } from '../../testing/workflow-harness';
import { AssignmentsWriter } from '../assignments-writer';
import { assignmentsStreamId } from '../workflow-streams';

// Provisioning tracked to completion, expiry, adopted drift and JML runs on PostgreSQL. The
// connector does not run here: its published outcomes are appended as it would append them.
describe('provisioning tracked to completion', () => {
  jest.setTimeout(60_000);
  const clock = new TestClock(new Date('2026-06-01T09:00:00.000Z'));
  let harness: WorkflowHarness;
  const settled = () => harness.runtime.provisioningCaughtUp();
  const view = async (identityId: string, assignmentId: string) => {
    await settled();
    return (await harness.runtime.queries.forIdentity(identityId, { includeRevoked: true })).find((v) => v.assignmentId === assignmentId)!;
  };
  const heldOf = async (employeeNumber: string) => {
    await settled();
    return harness.runtime.queries.forIdentity(identityIdOf(employeeNumber), { includeRevoked: false });
  };
  const runsOf = async (employeeNumber: string) => {
    await settled();
    return harness.runtime.jmlRuns.list({ identityId: identityIdOf(employeeNumber), first: 10 });
  };
  /** A grant for a duration, as an approved request would add it. */
  const addTimed = async (identityId: string, assignmentId: string, durationMs: number, entitlementKey = 'admin') => {
    const writer = new AssignmentsWriter(harness.store, { newId: () => randomUUID() });
    await writer.write(
      identityId,
      () =>
        commands({
          type: 'AddAssignment',
          data: {
            assignmentId,
            identityId,
            applicationId: 'github',
            entitlementKey,
            source: { kind: 'request', reference: `request-${assignmentId}`, policyVersion: 1 },
            validFrom: clock.now().toISOString(),
            validUntil: null,
            durationMs,
            sodBlocking: [],
          },
        }),
      { causationId: 'test', correlationId: 'test', actor: { kind: 'person', id: 'test' }, now: clock.now() },
    );
  };
  const grant = (identityId: string, assignmentId: string) => ({
    operationId: `grant.${assignmentId}`,
    action: 'grant' as const,
    identityId,
    applicationId: 'github',
    assignmentId,
    entitlementKey: 'admin',
  });
  const expiredRevocations = async (identityId: string, assignmentId: string) =>
    (await harness.store.readStream(assignmentsStreamId(identityId))).filter((event) => {
      const data = event.data as { reason: string; assignmentId: string };
      return event.type === 'AssignmentRevoked' && data.reason === 'expired' && data.assignmentId === assignmentId;
    }).length;

  beforeAll(async () => {
    harness = await startWorkflowHarness(clock);
    await publishPolicy(harness.store, 1, POLICY_V1);
    await settled();
  });
  afterAll(() => harness.stop());

  it('given a grant for an hour, when the connector acknowledges it, then it is active and ends an hour after the acknowledgement', async () => {
    await hire(harness.store, { employeeNumber: '2001', department: 'Sales' });
    const identityId = identityIdOf('2001');
    await addTimed(identityId, 'jit-1', 3_600_000);
    expect(await view(identityId, 'jit-1')).toMatchObject({ status: 'pending-provisioning', validUntil: null, durationMs: 3_600_000 });

    await operationSucceeded(harness.store, grant(identityId, 'jit-1'), '2026-06-01T09:05:00.000Z');
    expect(await view(identityId, 'jit-1')).toMatchObject({
      status: 'active',
      acknowledgedAt: new Date('2026-06-01T09:05:00.000Z'),
      validUntil: new Date('2026-06-01T10:05:00.000Z'),
    });
    expect((await pendingTimers(harness.database.pool, ASSIGNMENT_EXPIRY_TIMER)).map((t) => t.dueAt)).toContainEqual(
      new Date('2026-06-01T10:05:00.000Z'),
    );
  });

  it('given a grant that failed, then it stays pending with the failure visible; a later success still provisions it', async () => {
    const identityId = identityIdOf('2001');
    await addTimed(identityId, 'jit-2', 60_000, 'maintain');
    await operationFailed(harness.store, { ...grant(identityId, 'jit-2'), entitlementKey: 'maintain' }, '2026-06-01T09:06:00.000Z');
    expect(await view(identityId, 'jit-2')).toMatchObject({
      status: 'pending-provisioning',
      validUntil: null,
      lastFailure: { operationId: 'grant.jit-2', action: 'grant', errorKind: 'rejected', message: 'the target said no' },
    });

    await operationSucceeded(harness.store, { ...grant(identityId, 'jit-2'), entitlementKey: 'maintain' }, '2026-06-01T09:07:00.000Z');
    expect(await view(identityId, 'jit-2')).toMatchObject({
      status: 'active',
      validUntil: new Date('2026-06-01T09:08:00.000Z'),
      lastFailure: null,
    });
  });

  it('given an active grant past its end while the service is down, when it starts again, then it is revoked as expired, exactly once', async () => {
    const identityId = identityIdOf('2001');
    await harness.restart(() => clock.set('2026-06-01T10:06:00.000Z'));
    await waitForCount(() => expiredRevocations(identityId, 'jit-1'), 1);
    expect(await view(identityId, 'jit-1')).toMatchObject({ status: 'revoking', revocationReason: 'expired' });

    // Started again, and the timer made to fire again: nothing more.
    await harness.restart();
    await harness.database.pool.query(
      `INSERT INTO tenure_timers (timer_id, kind, due_at, payload) VALUES ('workflow-assignment-expiry:jit-1', $1, $2, $3) ON CONFLICT DO NOTHING`,
      [ASSIGNMENT_EXPIRY_TIMER, new Date('2026-06-01T10:05:00.000Z'), JSON.stringify({ assignmentId: 'jit-1', identityId })],
    );
    await waitForCount(async () => (await pendingTimers(harness.database.pool, ASSIGNMENT_EXPIRY_TIMER)).length, 0);
    expect(await expiredRevocations(identityId, 'jit-1')).toBe(1);

    await operationSucceeded(
      harness.store,
      { ...grant(identityId, 'jit-1'), operationId: 'revoke.jit-1', action: 'revoke' },
      '2026-06-01T10:06:01.000Z',
    );
    expect(await view(identityId, 'jit-1')).toMatchObject({
      status: 'revoked',
      revocationAcknowledgedAt: new Date('2026-06-01T10:06:01.000Z'),
    });
  });

  it('given a joiner, when every birthright grant is acknowledged, then the joiner run is "ready on day one" with the time it took', async () => {
    const activation = await hireAndActivate(harness.store, { employeeNumber: '2002', department: 'Sales' });
    const held = await heldOf('2002');
    expect(held.map((v) => `${v.applicationId}/${v.entitlementKey} ${v.status}`)).toEqual([
      'chat/member pending-provisioning',
      'mail/mailbox pending-provisioning',
    ]);
    expect(await runsOf('2002')).toMatchObject([{ kind: 'joiner', triggerEventId: activation, status: 'in-progress', expected: 2 }]);

    for (const [i, assignment] of held.entries()) {
      await operationSucceeded(
        harness.store,
        {
          operationId: `grant.${assignment.assignmentId}`,
          action: 'grant',
          identityId: identityIdOf('2002'),
          applicationId: assignment.applicationId,
          assignmentId: assignment.assignmentId,
        },
        `2026-06-01T08:00:0${i + 1}.000Z`,
      );
    }
    expect(await runsOf('2002')).toEqual([
      expect.objectContaining({
        kind: 'joiner',
        triggerType: 'IdentityActivated',
        startedAt: new Date('2026-06-01T08:00:00.000Z'),
        completedAt: new Date('2026-06-01T08:00:02.000Z'),
        durationMs: 2_000,
        expected: 2,
        acknowledged: 2,
        failed: 0,
        status: 'completed',
      }),
    ]);
  });

  it('given a leaver half acknowledged when the service stops, then after the restart the run completes once, at the last revoke or disable', async () => {
    const identityId = identityIdOf('2002');
    const held = await heldOf('2002');
    const termination = await terminate(harness.store, '2002');
    await settled();
    const disables = ['chat', 'mail'].map((applicationId) => ({
      operationId: `disable.${applicationId}.${termination}`,
      action: 'disable-account' as const,
      identityId,
      applicationId,
    }));
    const revoke = (i: number) => ({
      operationId: `revoke.${held[i]!.assignmentId}`,
      action: 'revoke' as const,
      identityId,
      applicationId: held[i]!.applicationId,
      assignmentId: held[i]!.assignmentId,
    });
    // A disable done before the plan is read: any order counts.
    await operationSucceeded(harness.store, disables[0]!, '2026-06-01T08:00:01.000Z');
    await operationSucceeded(harness.store, revoke(0), '2026-06-01T08:00:01.500Z');
    await killSwitchPlanned(harness.store, {
      identityId,
      terminationEventId: termination,
      operationIds: disables.map((d) => d.operationId),
      plannedAt: '2026-06-01T08:00:00.500Z',
    });
    expect(await runsOf('2002')).toContainEqual(
      expect.objectContaining({ kind: 'leaver', triggerEventId: termination, status: 'in-progress', expected: 4, acknowledged: 2 }),
    );

    await harness.restart(async () => {
      await operationSucceeded(harness.store, revoke(1), '2026-06-01T08:00:02.000Z');
    });
    expect((await runsOf('2002')).find((run) => run.kind === 'leaver')).toMatchObject({ status: 'in-progress', acknowledged: 3 });
    await operationSucceeded(harness.store, disables[1]!, '2026-06-01T08:00:03.250Z');

    const leaver = (await runsOf('2002')).filter((run) => run.kind === 'leaver');
    expect(leaver).toEqual([
      expect.objectContaining({
        triggerType: 'IdentityTerminated',
        startedAt: new Date('2026-06-01T08:00:00.000Z'),
        completedAt: new Date('2026-06-01T08:00:03.250Z'),
        durationMs: 3_250,
        expected: 4,
        acknowledged: 4,
        failed: 0,
        status: 'completed',
      }),
    ]);
    expect((await heldOf('2002')).length).toBe(0);
    const statuses = (await harness.runtime.queries.forIdentity(identityId, { includeRevoked: true })).map((v) => v.status);
    expect(statuses).toEqual(['revoked', 'revoked']);
  });

  it('given drift adopted twice under one adoption id, then one assignment from adopted drift; none for a leaver', async () => {
    const identityId = identityIdOf('2001');
    const adopted = (adoptionId: string, forIdentity: string): PublishedDriftAdopted => ({
      type: 'DriftAdopted',
      data: {
        adoptionId,
        driftId: adoptionId.split(':')[0]!,
        occurrence: 1,
        applicationId: 'crm',
        identityId: forIdentity,
        employeeNumber: '2001',
        userName: 'p2001',
        entitlementKey: 'viewer',
        detectedInRunId: 'run-1',
        decidedBy: 'policy',
        comment: null,
        adoptedAt: '2026-06-01T10:10:00.000Z',
      },
    });
    const append = (event: PublishedDriftAdopted) =>
      harness.store.appendToStream(driftStreamId(event.data.driftId), [
        {
          type: event.type,
          data: event.data,
          metadata: {
            eventId: randomUUID(),
            correlationId: 'c',
            causationId: null,
            actor: { kind: 'service', id: 'connector' },
            occurredAt: event.data.adoptedAt,
          },
        },
      ]);
    await append(adopted('drift-1:1', identityId));
    await append(adopted('drift-1:1', identityId));
    await append(adopted('drift-2:1', identityIdOf('2002')));

    const fromDrift = (await heldOf('2001')).filter((v) => v.source.kind === 'adopted-drift');
    expect(fromDrift).toEqual([
      expect.objectContaining({
        applicationId: 'crm',
        entitlementKey: 'viewer',
        source: { kind: 'adopted-drift', reference: 'drift-1:1', policyVersion: null },
      }),
    ]);
    expect(await heldOf('2002')).toEqual([]);
  });
});

async function waitForCount(count: () => Promise<number>, expected: number, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const now = await count();
    if (now === expected) return;
    if (Date.now() > until) throw new Error(`expected ${expected}, still ${now}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
