import { rebuildProjection } from '@tenure/event-store-postgres';
import { erasePublishedIdentity, leftoversIn } from '@tenure/personal-data/testing';
import { addAssignment, hire, identityIdOf, revokeAssignment, terminate, TestClock } from '@tenure/testing';
import { CONNECTOR_PROJECTIONS } from '../application/connector-runtime';
import { disableOperationId, grantOperationId } from '../domain/operation';
import { ADMIN } from '../testing/connector-harness';
import { IDENTITY_ERASED } from './prepare-operation';
import { startProvisioningHarness, type ProvisioningHarness } from './testing/provisioning-harness';

// Erasure of a leaver's personal data (docs/personal-data.md) as the connector service sees it: the
// operation events seal the account's user name and the manual tasks' text under the person's key,
// the read models blank them on PersonalDataErased, a rebuild from position 0 does not bring them
// back, and an operation still waiting for the person refuses to run under a placeholder name.
describe('provisioning and the erasure of personal data', () => {
  jest.setTimeout(90_000);
  const clock = new TestClock(new Date('2026-05-10T08:00:00Z'));
  const employeeNumber = '50001';
  const person = identityIdOf(employeeNumber);
  // The display name, the email and the user name Tenure took from it; and someone else's, who keeps them.
  const SECRETS = ['Given50001', 'p50001@example.com', 'p50001'];
  const TABLES = [
    'connector_operations',
    'connector_accounts',
    'connector_report_seats',
    'connector_licenses_reclaimed',
    'connector_drift',
    'connector_identities',
  ];
  const access = (applicationId: string, entitlementKey: string) => ({
    assignmentId: `a-${applicationId}-50001`,
    identityId: person,
    applicationId,
    entitlementKey,
  });
  let harness: ProvisioningHarness;
  let terminationEventId: string;
  const disableOf = (applicationId: string) => disableOperationId(applicationId, person, terminationEventId);

  const operationEventsText = async () => {
    const { rows } = await harness.database.pool.query<{ data: string }>(
      "SELECT data::text AS data FROM tenure_events WHERE stream_id LIKE 'operation-%' ORDER BY global_position",
    );
    return rows.map((row) => row.data);
  };
  const leftovers = async () => (await Promise.all(TABLES.map((table) => leftoversIn(harness.database.pool, table, SECRETS)))).flat();
  const snapshot = async () =>
    Object.fromEntries(
      await Promise.all(
        TABLES.map(async (table) => [table, (await harness.database.pool.query(`SELECT * FROM ${table} ORDER BY 1, 2, 3`)).rows] as const),
      ),
    );

  beforeAll(async () => {
    harness = await startProvisioningHarness(clock);
    await harness.registerSimulated('erp', { entitlements: ['reader'] });
    await harness.registerSimulated('crm', { entitlements: ['sales'] });
    await harness.register({ applicationId: 'badges', connectorType: 'manual', settings: {} });
    await hire(harness.store, { employeeNumber, department: 'Finance' });
    await hire(harness.store, { employeeNumber: '50002', department: 'Finance' });
    for (const [applicationId, key] of [
      ['erp', 'reader'],
      ['crm', 'sales'],
      ['badges', 'building-a'],
    ] as const) {
      await addAssignment(harness.store, access(applicationId, key));
    }
    await addAssignment(harness.store, {
      assignmentId: 'a-erp-50002',
      identityId: identityIdOf('50002'),
      applicationId: 'erp',
      entitlementKey: 'reader',
    });
    await harness.settled();
    await harness.waitForStatus(grantOperationId('a-erp-50001'), 'succeeded');
    await harness.waitForStatus(grantOperationId('a-crm-50001'), 'succeeded');
    await harness.waitForStatus(grantOperationId('a-erp-50002'), 'succeeded');
    await harness.waitForStatus(grantOperationId('a-badges-50001'), 'awaiting-person');
    await harness.runtime.provisioning.administration.completeManualTask(
      grantOperationId('a-badges-50001'),
      'badge for Given50001 printed',
      ADMIN,
    );
    await harness.waitForStatus(grantOperationId('a-badges-50001'), 'succeeded');

    // The leaver: erp's work runs, crm is paused so its disable still waits when the data is erased.
    await harness.runtime.applications.pause('crm', 'hold the leaver work until after the erasure', ADMIN);
    await terminate(harness.store, employeeNumber);
    const { rows } = await harness.database.pool.query<{ event_id: string }>(
      "SELECT metadata->>'eventId' AS event_id FROM tenure_events WHERE stream_id = 'identity-50001' AND type = 'IdentityTerminated'",
    );
    terminationEventId = rows[0]!.event_id;
    for (const [applicationId, key] of [
      ['erp', 'reader'],
      ['crm', 'sales'],
      ['badges', 'building-a'],
    ] as const) {
      await revokeAssignment(harness.store, access(applicationId, key), 'leaver');
    }
    await harness.settled();
    await harness.waitForStatus(disableOf('erp'), 'succeeded');
    await harness.waitForStatus(disableOf('badges'), 'awaiting-person');
  });
  afterAll(() => harness.stop());

  it('given a person provisioned, then the operation events hold their name and email only sealed, and the read models show them', async () => {
    const { rows } = await harness.database.pool.query<{ note: string; task_instructions: string }>(
      'SELECT note, task_instructions FROM connector_operations WHERE operation_id = ANY ($1::text[])',
      [[grantOperationId('a-badges-50001'), disableOf('badges')]],
    );
    expect(rows.map((row) => row.note ?? row.task_instructions)).toEqual(
      expect.arrayContaining(['badge for Given50001 printed', expect.stringContaining('Given50001 Person (50001)')]),
    );
    expect(harness.targets.get('erp')!.getAccount('p50001')).toMatchObject({
      displayName: 'Given50001 Person',
      email: 'p50001@example.com',
    });

    // The leaver's disable says whose account it is (it names no account: nothing in it is sealed).
    const [request] = await harness.store.readStream(`operation-${disableOf('erp')}`);
    expect(request).toMatchObject({ type: 'OperationRequested', data: { identityId: person, employeeNumber } });
    expect(request!.data).not.toHaveProperty('userName');

    const events = await operationEventsText();
    expect(events.some((data) => data.includes('"$personal"'))).toBe(true);
    expect(events.filter((data) => SECRETS.some((secret) => data.includes(secret)))).toEqual([]);
    expect(await leftovers()).not.toEqual([]);
  });

  it('given the person is erased, then no read model of the connector holds their name, email or user name', async () => {
    await erasePublishedIdentity(harness.store, employeeNumber, person);
    await harness.runtime.readModelsCaughtUp();

    expect(await leftovers()).toEqual([]);
    const { rows } = await harness.database.pool.query<{ user_name: string }>(
      'SELECT DISTINCT user_name FROM connector_accounts WHERE identity_id = $1',
      [person],
    );
    expect(rows).toEqual([{ user_name: 'erased-50001' }]);
    // Someone else keeps theirs.
    expect(await leftoversIn(harness.database.pool, 'connector_accounts', ['p50002'])).toHaveLength(1);
  });

  it('given the erasure, when the waiting disable runs or is retried, then it is a dead letter saying why and the target is never sent a placeholder', async () => {
    const disable = disableOf('crm');
    await harness.runtime.applications.resume('crm', 'let the leaver work run', ADMIN);
    await harness.waitForStatus(disable, 'dead');

    const operation = await harness.runtime.provisioning.queries.operation(disable);
    expect(operation).toMatchObject({ last_error_kind: IDENTITY_ERASED, last_error: expect.stringContaining('employee 50001 was erased') });
    await harness.runtime.provisioning.administration.retry(disable, ADMIN);
    await harness.waitForStatus(disable, 'dead');
    const crm = harness.targets.get('crm')!;
    expect(crm.getAccount('p50001')).toMatchObject({ enabled: true });
    expect(crm.getAccount('[erased]')).toBeNull();
    expect(crm.getAccount('erased-50001')).toBeNull();
    expect(crm.accountCount).toBe(1);
    expect((await operationEventsText()).filter((data) => SECRETS.some((secret) => data.includes(secret)))).toEqual([]);
  });

  it('given the erasure, when every connector projection is rebuilt from position 0, then the rows are the same and hold none of it', async () => {
    await harness.runtime.readModelsCaughtUp();
    const before = await snapshot();
    await harness.runtime.stop();

    for (const projection of CONNECTOR_PROJECTIONS) await rebuildProjection(harness.store.pool, harness.store.wakeups, projection);

    expect(await leftovers()).toEqual([]);
    expect(await snapshot()).toEqual(before);
    await harness.runtime.start();
  });
});
