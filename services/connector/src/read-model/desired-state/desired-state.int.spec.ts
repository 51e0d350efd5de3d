import { addAssignment, hire, identityIdOf, move, rehire, revokeAssignment, terminate } from '@tenure/testing';
import { startConnectorHarness, TestClock, type ConnectorHarness } from '../../testing/connector-harness';
import { activeAssignments, applicationsAssignedTo, identitiesByUserNames, identityById } from './desired-state.queries';

// The connector's copy of who is who and of what they should hold, folded from the identity and
// workflow services' published events on a real PostgreSQL.
describe('desired state read models', () => {
  const clock = new TestClock(new Date('2026-05-10T08:00:00Z'));
  let harness: ConnectorHarness;
  const pool = () => harness.store.pool;

  beforeAll(async () => {
    harness = await startConnectorHarness(clock);
  });
  afterAll(() => harness.stop());

  it('given a hire, when the read model catches up, then the identity has a user name from its email and is active', async () => {
    await hire(harness.store, { employeeNumber: '20001', department: 'Finance' });
    await harness.runtime.readModelsCaughtUp();

    await expect(identityById(pool(), identityIdOf('20001'))).resolves.toMatchObject({
      employee_number: '20001',
      status: 'active',
      user_name: 'p20001',
      email: 'p20001@example.com',
      terminated_at: null,
    });
  });

  it('given an email change, when the identity moves, then its user name stays the one its accounts were made with', async () => {
    await move(harness.store, '20001', { email: 'renamed@example.com' });
    await harness.runtime.readModelsCaughtUp();

    await expect(identityById(pool(), identityIdOf('20001'))).resolves.toMatchObject({ email: 'renamed@example.com', user_name: 'p20001' });
    await expect(identitiesByUserNames(pool(), ['p20001', 'nobody'])).resolves.toEqual([
      expect.objectContaining({ identity_id: identityIdOf('20001') }),
    ]);
  });

  it('given a termination then a rehire, when folded, then the termination time is kept until the rehire clears it', async () => {
    await hire(harness.store, { employeeNumber: '20002', department: 'Sales' });
    await terminate(harness.store, '20002');
    await harness.runtime.readModelsCaughtUp();
    const terminated = await identityById(pool(), identityIdOf('20002'));
    expect(terminated).toMatchObject({ status: 'terminated', terminated_at: expect.any(Date) });

    await rehire(harness.store, { employeeNumber: '20002', department: 'Sales' });
    await harness.runtime.readModelsCaughtUp();
    await expect(identityById(pool(), identityIdOf('20002'))).resolves.toMatchObject({ status: 'active', terminated_at: null });
  });

  it('given assignments added and one revoked, when folded, then only the active ones are desired, and every application is remembered', async () => {
    const identityId = identityIdOf('20001');
    await addAssignment(harness.store, { assignmentId: 'a-1', identityId, applicationId: 'erp', entitlementKey: 'read-only' });
    await addAssignment(harness.store, { assignmentId: 'a-2', identityId, applicationId: 'slack', entitlementKey: 'member' });
    await revokeAssignment(harness.store, { assignmentId: 'a-2', identityId, applicationId: 'slack', entitlementKey: 'member' }, 'review');
    await harness.runtime.readModelsCaughtUp();

    await expect(activeAssignments(pool(), identityId)).resolves.toEqual([
      expect.objectContaining({ assignment_id: 'a-1', application_id: 'erp', entitlement_key: 'read-only', status: 'active' }),
    ]);
    await expect(activeAssignments(pool(), identityId, 'slack')).resolves.toEqual([]);
    await expect(applicationsAssignedTo(pool(), identityId)).resolves.toEqual(['erp', 'slack']);
  });
});
