import { addAssignment, hire, identityIdOf, revokeAssignment, TestClock } from '@tenure/testing';
import { grantOperationId, revokeOperationId } from '../domain/operation';
import { OPERATION_PLANNER_CHECKPOINT } from './operation-planner';
import { startProvisioningHarness, type ProvisioningHarness } from './testing/provisioning-harness';

// Assignments become operations, operations become accounts and grants in a (simulated) target,
// each exactly once: under replay, after a lost checkpoint, after a restart.
describe('provisioning assignments to a target', () => {
  jest.setTimeout(60_000);
  const clock = new TestClock(new Date('2026-05-10T08:00:00Z'));
  let harness: ProvisioningHarness;
  const jane = identityIdOf('10042');
  const chatMember = { assignmentId: 'a-chat-member', identityId: jane, applicationId: 'chat', entitlementKey: 'member' };
  const chatAdmin = { assignmentId: 'a-chat-admin', identityId: jane, applicationId: 'chat', entitlementKey: 'admin' };
  const target = () => harness.targets.get('chat')!;
  const countEvents = async (type: string, operationId: string) => {
    const { rows } = await harness.database.pool.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM tenure_events WHERE type = $1 AND stream_id = $2',
      [type, `operation-${operationId}`],
    );
    return rows[0]!.n;
  };

  beforeAll(async () => {
    harness = await startProvisioningHarness(clock);
    await harness.registerSimulated('chat', { entitlements: ['member', 'admin'] });
    await hire(harness.store, { employeeNumber: '10042', department: 'Sales' });
  });
  afterAll(() => harness.stop());

  it('given an active identity without an account, when an assignment is added, then the account is created and the entitlement granted', async () => {
    await addAssignment(harness.store, chatMember);
    await harness.settled();
    await harness.waitForStatus(grantOperationId('a-chat-member'), 'succeeded');

    expect(await harness.eventTypes(grantOperationId('a-chat-member'))).toEqual([
      'OperationRequested',
      'AccountCreated',
      'EntitlementGranted',
    ]);
    expect(target().getAccount('p10042')).toMatchObject({ userName: 'p10042', enabled: true, employeeNumber: '10042' });
    expect(target().listGrants(null, 100).items).toEqual([{ userName: 'p10042', entitlementKey: 'member' }]);
    await harness.runtime.readModelsCaughtUp();
    await expect(harness.runtime.provisioning.queries.accounts(jane)).resolves.toEqual([
      expect.objectContaining({ application_id: 'chat', user_name: 'p10042', status: 'enabled' }),
    ]);
    await expect(harness.runtime.provisioning.queries.grants(jane)).resolves.toEqual([
      expect.objectContaining({ application_id: 'chat', entitlement_key: 'member', assignment_id: 'a-chat-member' }),
    ]);
  });

  it('given a granted assignment, when the same assignment event arrives again, then there is still one operation and one grant', async () => {
    await addAssignment(harness.store, chatMember);
    await harness.settled();

    expect(await countEvents('OperationRequested', grantOperationId('a-chat-member'))).toBe(1);
    expect(await countEvents('EntitlementGranted', grantOperationId('a-chat-member'))).toBe(1);
    expect(target().listGrants(null, 100).items).toHaveLength(1);
  });

  it('given everything provisioned, when the planner loses its checkpoint and the service restarts, then the log is planned again and nothing is requested twice', async () => {
    await harness.database.pool.query('DELETE FROM tenure_checkpoints WHERE subscription_id = $1', [OPERATION_PLANNER_CHECKPOINT]);
    await harness.restart();
    await harness.settled();

    const { rows } = await harness.database.pool.query<{ type: string; n: number }>(
      `SELECT type, count(*)::int AS n FROM tenure_events WHERE stream_id LIKE 'operation-%' GROUP BY type ORDER BY type`,
    );
    expect(rows).toEqual([
      { type: 'AccountCreated', n: 1 },
      { type: 'EntitlementGranted', n: 1 },
      { type: 'OperationRequested', n: 1 },
    ]);
  });

  it('given two assignments, when one is revoked, then only its grant goes and the account stays enabled', async () => {
    await addAssignment(harness.store, chatAdmin);
    await harness.settled();
    await harness.waitForStatus(grantOperationId('a-chat-admin'), 'succeeded');
    expect(await harness.eventTypes(grantOperationId('a-chat-admin'))).toEqual(['OperationRequested', 'EntitlementGranted']);

    await revokeAssignment(harness.store, chatAdmin, 'review');
    await harness.settled();
    await harness.waitForStatus(revokeOperationId('a-chat-admin'), 'succeeded');

    expect(await harness.eventTypes(revokeOperationId('a-chat-admin'))).toEqual(['OperationRequested', 'EntitlementRevoked']);
    expect(target().listGrants(null, 100).items).toEqual([{ userName: 'p10042', entitlementKey: 'member' }]);
    expect(target().getAccount('p10042')?.enabled).toBe(true);
  });

  it('given the last assignment in an application, when it is revoked, then the account is disabled too (least privilege)', async () => {
    await revokeAssignment(harness.store, chatMember, 'no-longer-birthright');
    await harness.settled();
    await harness.waitForStatus(revokeOperationId('a-chat-member'), 'succeeded');

    expect(await harness.eventTypes(revokeOperationId('a-chat-member'))).toEqual([
      'OperationRequested',
      'AccountDisabled',
      'EntitlementRevoked',
    ]);
    expect(target().getAccount('p10042')?.enabled).toBe(false);
    expect(target().listGrants(null, 100).items).toEqual([]);
    await harness.runtime.readModelsCaughtUp();
    await expect(harness.runtime.provisioning.queries.accounts(jane)).resolves.toEqual([expect.objectContaining({ status: 'disabled' })]);
    await expect(harness.runtime.provisioning.queries.grants(jane)).resolves.toEqual([]);
  });

  it('given a disabled account of an active identity, when a new assignment is added, then the account is enabled and granted', async () => {
    await addAssignment(harness.store, { ...chatMember, assignmentId: 'a-chat-member-again' });
    await harness.settled();
    await harness.waitForStatus(grantOperationId('a-chat-member-again'), 'succeeded');

    expect(await harness.eventTypes(grantOperationId('a-chat-member-again'))).toEqual([
      'OperationRequested',
      'AccountEnabled',
      'EntitlementGranted',
    ]);
    expect(target().getAccount('p10042')?.enabled).toBe(true);
  });
});
