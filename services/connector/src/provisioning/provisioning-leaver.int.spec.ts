import { addAssignment, hire, identityIdOf, revokeAssignment, terminate, TestClock, waitFor } from '@tenure/testing';
import { killSwitchStreamId, type PublishedKillSwitchPlanned } from '@tenure/contracts';
import { disableOperationId, grantOperationId } from '../domain/operation';
import { ADMIN } from '../testing/connector-harness';
import { recordKillSwitchPlan } from './kill-switch-plan';
import { PLANNER_ACTOR } from './operation-planner';
import { startProvisioningHarness, type ProvisioningHarness } from './testing/provisioning-harness';

// A leaver's operations go ahead of routine work: with one operation at a time, a queue of
// routine grants waits while the leaver's account is disabled and their access revoked.
describe('leaver priority', () => {
  jest.setTimeout(60_000);
  const clock = new TestClock(new Date('2026-05-10T08:00:00Z'));
  let harness: ProvisioningHarness;
  const leaver = identityIdOf('40001');
  const leaverAccess = { assignmentId: 'a-leaver-erp', identityId: leaver, applicationId: 'erp', entitlementKey: 'reader' };

  beforeAll(async () => {
    harness = await startProvisioningHarness(clock, { settings: { concurrency: 1 } });
    await harness.registerSimulated('erp', { entitlements: ['reader'] });
    await harness.registerSimulated('wiki', { entitlements: ['editor'] });
    await hire(harness.store, { employeeNumber: '40001', department: 'Finance' });
    await addAssignment(harness.store, leaverAccess);
    await addAssignment(harness.store, {
      assignmentId: 'a-leaver-wiki',
      identityId: leaver,
      applicationId: 'wiki',
      entitlementKey: 'editor',
    });
    await harness.settled();
    await harness.waitForStatus(grantOperationId('a-leaver-erp'), 'succeeded');
    await harness.waitForStatus(grantOperationId('a-leaver-wiki'), 'succeeded');
  });
  afterAll(() => harness.stop());

  it('given a queue of routine grants, when a person leaves, then their disable and revoke run first and every account of theirs is disabled', async () => {
    await harness.runtime.applications.pause('erp', 'queue up routine work', ADMIN);
    await harness.runtime.readModelsCaughtUp();
    for (let i = 0; i < 8; i++) {
      const employeeNumber = String(40100 + i);
      const identityId = await hire(harness.store, { employeeNumber, department: 'Sales' });
      await addAssignment(harness.store, { assignmentId: `a-routine-${i}`, identityId, applicationId: 'erp', entitlementKey: 'reader' });
    }
    await terminate(harness.store, '40001');
    await revokeAssignment(harness.store, leaverAccess, 'leaver');
    await harness.settled();
    const { rows: before } = await harness.database.pool.query<{ position: string }>(
      "SELECT max(transaction_id)::text AS position FROM tenure_events WHERE stream_id LIKE 'operation-%' AND type <> 'OperationRequested'",
    );

    await harness.runtime.applications.resume('erp', 'let it run', ADMIN);
    await waitFor('every erp operation to finish', async () => {
      await harness.runtime.readModelsCaughtUp();
      const { operations } = await harness.runtime.provisioning.queries.operations({
        applicationId: 'erp',
        statuses: ['requested', 'retrying'],
        first: 1,
      });
      return operations.length === 0 ? true : undefined;
    });

    const { rows } = await harness.database.pool.query<{ stream_id: string; type: string }>(
      `SELECT stream_id, type FROM tenure_events
        WHERE stream_id LIKE 'operation-%' AND data->>'applicationId' = 'erp' AND transaction_id > $1
          AND type IN ('AccountDisabled', 'EntitlementRevoked', 'EntitlementGranted')
        ORDER BY transaction_id, global_position`,
      [before[0]!.position],
    );
    const completed = rows.map((row) => `${row.type} ${row.stream_id.replace(/^operation-/, '').split('.')[0]}`);
    expect(completed).toEqual(['AccountDisabled disable', 'EntitlementRevoked revoke', ...Array(8).fill('EntitlementGranted grant')]);
    expect(harness.targets.get('erp')!.getAccount('p40001')).toMatchObject({ enabled: false });
    expect(harness.targets.get('wiki')!.getAccount('p40001')).toMatchObject({ enabled: false });
    expect(harness.targets.get('erp')!.accountCount).toBe(9);
  });

  it('given a termination planned, then its kill switch names every disable requested, once, even when planned again', async () => {
    const { rows } = await harness.database.pool.query<{ event_id: string }>(
      "SELECT metadata->>'eventId' AS event_id FROM tenure_events WHERE stream_id = 'identity-40001' AND type = 'IdentityTerminated'",
    );
    const terminationEventId = rows[0]!.event_id;
    const plan = await harness.store.readStream(killSwitchStreamId(terminationEventId));
    expect(plan.map((event) => event.type)).toEqual(['KillSwitchPlanned']);
    const planned = plan[0]!.data as PublishedKillSwitchPlanned['data'];
    expect(planned).toMatchObject({ identityId: leaver, terminationEventId });
    expect([...planned.operationIds].sort()).toEqual(
      ['erp', 'wiki'].map((applicationId) => disableOperationId(applicationId, leaver, terminationEventId)).sort(),
    );

    // Planned again (a batch repeated after a crash, with the read models moved on): the first plan stands.
    await recordKillSwitchPlan(
      harness.store,
      { ...planned, operationIds: [] },
      { actor: PLANNER_ACTOR, correlationId: 'x', causationId: null },
    );
    const after = await harness.store.readStream(killSwitchStreamId(terminationEventId));
    expect(after.map((event) => (event.data as PublishedKillSwitchPlanned['data']).operationIds)).toEqual([planned.operationIds]);
  });

  it('given an account the target no longer has, when the leaver is disabled, then the account is not shown as enabled any more', async () => {
    const identityId = await hire(harness.store, { employeeNumber: '40002', department: 'Finance' });
    const access = { assignmentId: 'a-gone-wiki', identityId, applicationId: 'wiki', entitlementKey: 'editor' };
    await addAssignment(harness.store, access);
    await harness.settled();
    await harness.waitForStatus(grantOperationId('a-gone-wiki'), 'succeeded');
    await harness.runtime.readModelsCaughtUp();
    const before = await harness.runtime.provisioning.queries.accounts(identityId);
    harness.targets.get('wiki')!.deleteAccount('p40002');

    await terminate(harness.store, '40002');
    await revokeAssignment(harness.store, access, 'leaver');

    const after = await waitFor('the disable to find no account', async () => {
      await harness.settled();
      await harness.runtime.readModelsCaughtUp();
      const accounts = await harness.runtime.provisioning.queries.accounts(identityId);
      return accounts.length === 0 ? accounts : undefined;
    });
    expect(before.map((account) => `${account.application_id} ${account.status}`)).toEqual(['wiki enabled']);
    expect(after).toEqual([]);
  });
});
