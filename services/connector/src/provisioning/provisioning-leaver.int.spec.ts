import { addAssignment, hire, identityIdOf, revokeAssignment, terminate, TestClock, waitFor } from '@tenure/testing';
import { grantOperationId } from '../domain/operation';
import { ADMIN } from '../testing/connector-harness';
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
});
