import { createTestCluster, type TestCluster } from '@tenure/connector-postgresql/testing';
import { addAssignment, hire, identityIdOf, revokeAssignment, terminate, TestClock } from '@tenure/testing';
import { grantOperationId, revokeOperationId } from '../domain/operation';
import { OPERATION_PLANNER_CHECKPOINT } from './operation-planner';
import { startProvisioningHarness, type ProvisioningHarness } from './testing/provisioning-harness';

// Provisioning against a real target: the PostgreSQL connector on the embedded server. What the
// target holds is read from PostgreSQL's catalogs (pg_roles, pg_auth_members), not from Tenure.
describe('provisioning a PostgreSQL target', () => {
  jest.setTimeout(60_000);
  const clock = new TestClock(new Date('2026-05-10T08:00:00Z'));
  let harness: ProvisioningHarness;
  let cluster: TestCluster;
  // User names come from emails (p<employee number>@example.com); roles are cluster-wide, so they carry the cluster's tag.
  let employeeNumber: string;
  let userName: string;
  let readers: string;
  let writers: string;

  const role = async () =>
    (await cluster.database.pool.query<{ rolcanlogin: boolean }>('SELECT rolcanlogin FROM pg_roles WHERE rolname = $1', [userName])).rows;
  const memberships = async () =>
    (
      await cluster.database.pool.query<{ grp: string }>(
        `SELECT g.rolname AS grp FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles u ON u.oid = m.member
          WHERE u.rolname = $1 ORDER BY 1`,
        [userName],
      )
    ).rows.map((row) => row.grp);

  beforeAll(async () => {
    cluster = await createTestCluster();
    [readers, writers] = cluster.groups;
    employeeNumber = `t${cluster.tag}`;
    userName = `p${employeeNumber}`;
    harness = await startProvisioningHarness(clock);
    await harness.register({
      applicationId: 'finance-db',
      connectorType: 'postgresql',
      settings: cluster.settings,
      credentials: { 'pg-password': cluster.password },
    });
    await hire(harness.store, { employeeNumber, department: 'Finance' });
  });
  afterAll(async () => {
    await harness?.stop();
    await cluster?.drop();
  });

  const identityId = () => identityIdOf(employeeNumber);
  const readerAccess = () => ({
    assignmentId: 'a-readers',
    identityId: identityId(),
    applicationId: 'finance-db',
    entitlementKey: readers,
  });
  const writerAccess = () => ({
    assignmentId: 'a-writers',
    identityId: identityId(),
    applicationId: 'finance-db',
    entitlementKey: writers,
  });

  it('given an assignment, when provisioned, then a login role exists and is a member of the group role, once', async () => {
    await addAssignment(harness.store, readerAccess());
    await harness.settled();
    await harness.waitForStatus(grantOperationId('a-readers'), 'succeeded');

    expect(await role()).toEqual([{ rolcanlogin: true }]);
    expect(await memberships()).toEqual([readers]);
  });

  it('given the assignment provisioned, when its event is replayed and the planner starts over, then the target still holds one role and one membership', async () => {
    await addAssignment(harness.store, readerAccess());
    await harness.database.pool.query('DELETE FROM tenure_checkpoints WHERE subscription_id = $1', [OPERATION_PLANNER_CHECKPOINT]);
    await harness.restart();
    await harness.settled();

    expect(await role()).toEqual([{ rolcanlogin: true }]);
    expect(await memberships()).toEqual([readers]);
    expect(await harness.eventTypes(grantOperationId('a-readers'))).toEqual(['OperationRequested', 'AccountCreated', 'EntitlementGranted']);
  });

  it('given two memberships, when the last assignment is revoked, then the role loses it and can no longer log in', async () => {
    await addAssignment(harness.store, writerAccess());
    await harness.settled();
    await harness.waitForStatus(grantOperationId('a-writers'), 'succeeded');
    expect(await memberships()).toEqual([readers, writers].sort());

    await revokeAssignment(harness.store, writerAccess(), 'review');
    await harness.settled();
    await harness.waitForStatus(revokeOperationId('a-writers'), 'succeeded');
    expect(await memberships()).toEqual([readers]);
    expect(await role()).toEqual([{ rolcanlogin: true }]);

    await revokeAssignment(harness.store, readerAccess(), 'no-longer-birthright');
    await harness.settled();
    await harness.waitForStatus(revokeOperationId('a-readers'), 'succeeded');
    expect(await memberships()).toEqual([]);
    expect(await role()).toEqual([{ rolcanlogin: false }]);
  });

  it('given a leaver whose role was re-enabled by a new grant, when terminated, then the role is NOLOGIN again', async () => {
    await addAssignment(harness.store, { ...readerAccess(), assignmentId: 'a-readers-again' });
    await harness.settled();
    await harness.waitForStatus(grantOperationId('a-readers-again'), 'succeeded');
    expect(await role()).toEqual([{ rolcanlogin: true }]);

    await terminate(harness.store, employeeNumber);
    await harness.settled();
    const { operations } = await harness.runtime.provisioning.queries.operations({ identityId: identityId(), first: 20 });
    const disable = operations.find(({ operation }) => operation.action === 'disable-account')!.operation.operation_id;
    await harness.waitForStatus(disable, 'succeeded');
    expect(await role()).toEqual([{ rolcanlogin: false }]);
  });
});
