import { ERASED_MARKER } from '@tenure/contracts';
import type { RecordedEvent } from '@tenure/event-sourcing';
import { rebuildProjection, verifyEventLog } from '@tenure/event-store-postgres';
import { erasePublishedIdentity, leftoversIn } from '@tenure/personal-data/testing';
import { hire, identityIdOf, terminate, waitFor } from '@tenure/testing';
import { driftIdOf, remediationOperationId, type DriftFinding, type DriftKind } from '../domain/reconciliation';
import { IDENTITY_ERASED } from '../provisioning/prepare-operation';
import { requestOperation } from '../provisioning/request-operation';
import { driftProjection } from '../read-model/reconciliation/drift.projection';
import { ADMIN, TestClock } from '../testing/connector-harness';
import {
  accountOf,
  eventsOf,
  handMadeAccount,
  simulatedTarget,
  startReconciliationKit,
  type ReconciliationKit,
} from './testing/reconciliation-test-kit';

// Erasure of a person's personal data (docs/personal-data.md) as reconciliation recorded it: the
// findings (DriftDetected, many people per event), the decisions (DriftAdopted,
// DriftRemediationRequested) and the request of the operation a decision asks for
// (OperationRequested) seal the account's user name and the names and emails compared under the key
// of the person each one names. Once their key is destroyed those values read as erased, while the
// findings of other people and the orphan account of nobody stay readable, and the remediation still
// waiting for the person's account never reaches the target under a placeholder name.
describe('reconciliation and the erasure of personal data', () => {
  jest.setTimeout(90_000);
  const clock = new TestClock(new Date('2026-05-10T08:00:00Z'));
  const APP = 'crm';
  const employeeNumber = '33001';
  const person = identityIdOf(employeeNumber);
  // The person's user name (and email), display name, and what the target holds instead of them.
  const SECRETS = ['p33001', 'Given33001', 'Wrong33001', 'old33001'];
  const drift = (kind: DriftKind, userName: string, entitlementKey: string | null = null) =>
    driftIdOf({ applicationId: APP, kind, userName, entitlementKey });
  const attributeDrift = drift('attribute-drift', 'p33001');
  const adoptedGrant = drift('grant-outside-tenure', 'p33001', 'admins');
  const leaverAccount = drift('orphaned-account', 'p33001');
  const nobodysAccount = drift('orphaned-account', 'svc-backup');
  const leaverDisable = remediationOperationId(leaverAccount, 1);
  const crm = simulatedTarget(['sales', 'admins']);
  let kit: ReconciliationKit;

  const rawEvents = async () =>
    (
      await kit.harness.database.pool.query<{ stream_id: string; type: string; data: string }>(
        'SELECT stream_id, type, data::text || metadata::text AS data FROM tenure_events ORDER BY global_position',
      )
    ).rows;
  const holdingSecrets = (rows: { stream_id: string; type: string; data: string }[]) =>
    rows.filter((row) => SECRETS.some((secret) => row.data.includes(secret))).map((row) => `${row.type} ${row.stream_id}`);
  const findings = async (): Promise<DriftFinding[]> =>
    (await eventsOf(kit.harness, 'reconciliation-'))
      .filter((event) => event.type === 'DriftDetected')
      .flatMap((event) => (event.data as { drift: DriftFinding[] }).drift);
  const findingsOf = async (driftId: string) => (await findings()).filter((finding) => finding.driftId === driftId);
  /** The operation's row once provisioning has settled it (succeeded, dead or dismissed). */
  const settled = (operationId: string) =>
    waitFor(
      `operation ${operationId} to be settled`,
      async () => {
        await kit.harness.runtime.readModelsCaughtUp();
        const operation = await kit.harness.runtime.provisioning.queries.operation(operationId);
        return operation && ['succeeded', 'dead', 'dismissed'].includes(operation.status) ? operation : undefined;
      },
      15_000,
      100,
    );
  const driftRows = async () => (await kit.harness.database.pool.query('SELECT * FROM connector_drift ORDER BY drift_id')).rows;

  beforeAll(async () => {
    kit = await startReconciliationKit(clock);
    const { store } = kit.harness;
    // Paused: provisioning does not change the target behind the test's back.
    await kit.harness.runtime.applications.register(
      {
        applicationId: APP,
        name: 'CRM',
        connectorType: 'simulated',
        settings: crm.settings,
        credentials: {},
        ownerEmployeeNumber: '33000',
        enabled: false,
      },
      ADMIN,
    );
    await hire(store, { employeeNumber, department: 'Sales' });
    await hire(store, { employeeNumber: '33002', department: 'Sales' });
    const { target } = crm;
    target.upsertAccount(accountOf(employeeNumber, { displayName: 'Wrong33001 Name', email: 'old33001@legacy.example.com' }));
    target.grant('p33001', 'admins'); // granted outside Tenure, adopted below
    target.upsertAccount(accountOf('33002', { displayName: 'Other33002 Name' })); // someone else's attribute drift
    target.upsertAccount(handMadeAccount('svc-backup')); // nobody's account
    await kit.harness.runtime.readModelsCaughtUp();

    // Run 1 (the person is employed): their attributes differ, and their outside grant is adopted.
    await kit.reconciliation.run(APP, { trigger: 'administrator', actor: ADMIN });
    await kit.reconciliation.remediate(adoptedGrant, 'adopt', 'approved by the CRM owner', ADMIN);
    // Run 2 (the person left, the account is still enabled): an orphan by termination, revoked.
    await terminate(store, employeeNumber);
    await kit.harness.runtime.readModelsCaughtUp();
    await kit.reconciliation.run(APP, { trigger: 'administrator', actor: ADMIN });
    await kit.reconciliation.remediate(leaverAccount, 'revoke', 'the leaver’s account must go', ADMIN);
    await kit.reconciliation.remediate(nobodysAccount, 'revoke', 'nobody knows this account', ADMIN);
    await kit.harness.runtime.readModelsCaughtUp();
  });
  afterAll(() => kit?.harness.stop());

  it('given drift of a person, then the reconciliation and drift events hold their names, email and user name only sealed, and read them back plain', async () => {
    const raw = await rawEvents();
    const driftEvents = raw.filter((row) => row.stream_id.startsWith('reconciliation-') || row.stream_id.startsWith('drift-'));
    expect(driftEvents.some((row) => row.data.includes('"$personal"'))).toBe(true);
    expect(holdingSecrets(driftEvents)).toEqual([]);
    // Nor does any other raw row: the request of the operation that disables the leaver's account is sealed too.
    expect(holdingSecrets(raw)).toEqual([]);
    expect(raw.find((row) => row.stream_id === `operation-${leaverDisable}`)!.data).toContain('"$personal"');

    expect(await findingsOf(attributeDrift)).toEqual([
      expect.objectContaining({
        userName: 'p33001',
        employeeNumber,
        differences: [
          { attribute: 'displayName', expected: 'Given33001 Person', actual: 'Wrong33001 Name' },
          { attribute: 'email', expected: 'p33001@example.com', actual: 'old33001@legacy.example.com' },
        ],
      }),
    ]);
    expect(await findingsOf(leaverAccount)).toEqual([
      expect.objectContaining({ userName: 'p33001', reason: 'employee 33001 was terminated and the account is still enabled' }),
    ]);
    const decisions = await kit.harness.store.readStream(`drift-${leaverAccount}`);
    expect(decisions.map(({ type, data }) => ({ type, data }))).toEqual([
      {
        type: 'DriftRemediationRequested',
        data: expect.objectContaining({ userName: 'p33001', identityId: person, employeeNumber, comment: 'the leaver’s account must go' }),
      },
    ]);
    const [request] = await kit.harness.store.readStream(`operation-${leaverDisable}`);
    expect(request).toMatchObject({
      type: 'OperationRequested',
      data: { userName: 'p33001', identityId: person, employeeNumber, action: 'disable-account' },
    });
    expect(await leftoversIn(kit.harness.database.pool, 'connector_drift', SECRETS)).not.toEqual([]);
  });

  it('given the person is erased, then their values in the drift events read as erased while nobody’s orphan and another person stay readable', async () => {
    await erasePublishedIdentity(kit.harness.store, employeeNumber, person);
    await kit.harness.runtime.readModelsCaughtUp();

    const read = await eventsOf(kit.harness, 'reconciliation-');
    const decided = await eventsOf(kit.harness, 'drift-');
    expect(textHolding(read, SECRETS)).toEqual([]);
    expect(textHolding(decided, SECRETS)).toEqual([]);
    expect(await findingsOf(attributeDrift)).toEqual([
      expect.objectContaining({
        userName: ERASED_MARKER,
        employeeNumber,
        differences: [
          { attribute: 'displayName', expected: ERASED_MARKER, actual: ERASED_MARKER },
          { attribute: 'email', expected: ERASED_MARKER, actual: ERASED_MARKER },
        ],
      }),
    ]);
    expect(await findingsOf(leaverAccount)).toEqual([expect.objectContaining({ userName: ERASED_MARKER, employeeNumber })]);
    const adoption = await kit.harness.store.readStream(`drift-${adoptedGrant}`);
    expect(adoption.map(({ type, data }) => ({ type, data }))).toEqual([
      {
        type: 'DriftAdopted',
        data: expect.objectContaining({ userName: ERASED_MARKER, employeeNumber, comment: 'approved by the CRM owner' }),
      },
    ]);
    const revoked = await kit.harness.store.readStream(`drift-${leaverAccount}`);
    expect(revoked[0]!.data).toMatchObject({ userName: ERASED_MARKER, employeeNumber });
    const operations = await eventsOf(kit.harness, 'operation-');
    expect(textHolding(operations, SECRETS)).toEqual([]);
    expect(operations.find((event) => event.streamId === `operation-${leaverDisable}`)).toMatchObject({
      type: 'OperationRequested',
      data: { userName: ERASED_MARKER, employeeNumber, identityId: person },
    });
    // The raw rows of the person hold none of their values at all.
    expect(holdingSecrets(await rawEvents())).toEqual([]);

    // Nobody's account names no one an erasure could reach; another person keeps their values.
    expect(await findingsOf(nobodysAccount)).toEqual(
      Array(2).fill(expect.objectContaining({ userName: 'svc-backup', employeeNumber: null, identityId: null })),
    );
    expect((await kit.harness.store.readStream(`drift-${nobodysAccount}`))[0]!.data).toMatchObject({ userName: 'svc-backup' });
    expect(await findingsOf(drift('attribute-drift', 'p33002'))).toContainEqual(
      expect.objectContaining({
        userName: 'p33002',
        differences: [{ attribute: 'displayName', expected: 'Given33002 Person', actual: 'Other33002 Name' }],
      }),
    );

    const report = await verifyEventLog(kit.harness.store.pool);
    expect(report.findings).toEqual([]);
    expect(report.intact).toBe(true);
  });

  it('given the erasure, when the waiting disable of the leaver’s account runs, then it is a dead letter saying why and the target is never sent a placeholder', async () => {
    const { target } = crm;
    await kit.harness.runtime.applications.resume(APP, 'let the remediation run', ADMIN);
    // Nobody's account is disabled (provisioning ran); the leaver's disable, which reads its user name erased, stops before the target.
    await waitFor('provisioning to run the remediations', () => target.getAccount('svc-backup')?.enabled === false || undefined, 15_000);
    expect(await settled(leaverDisable)).toMatchObject({
      status: 'dead',
      last_error_kind: IDENTITY_ERASED,
      last_error: expect.stringContaining('employee 33001 was erased'),
      user_name: 'erased-33001',
    });
    expect(target.getAccount('p33001')).toMatchObject({ enabled: true });
    expect(target.getAccount(ERASED_MARKER)).toBeNull();
    expect(target.getAccount('erased-33001')).toBeNull();
    expect(holdingSecrets(await rawEvents())).toEqual([]);
  });

  it('given a remediation asked after the erasure with the user name the drift row now shows (erased-33001), when it runs, then it is a dead letter too', async () => {
    const { rows } = await kit.harness.database.pool.query<{ user_name: string }>(
      'SELECT user_name FROM connector_drift WHERE drift_id = $1',
      [leaverAccount],
    );
    expect(rows).toEqual([{ user_name: 'erased-33001' }]);
    const operationId = remediationOperationId(leaverAccount, 2);
    await requestOperation(
      kit.harness.store,
      {
        operationId,
        action: 'disable-account',
        applicationId: APP,
        identityId: person,
        assignmentId: null,
        entitlementKey: null,
        priority: 'leaver',
        cause: { kind: 'drift', reference: leaverAccount },
        requestedAt: clock.now().toISOString(),
        userName: rows[0]!.user_name,
        employeeNumber,
      },
      { actor: ADMIN, correlationId: operationId, causationId: null },
    );

    expect(await settled(operationId)).toMatchObject({ status: 'dead', last_error_kind: IDENTITY_ERASED });
    expect(crm.target.getAccount('p33001')).toMatchObject({ enabled: true });
    expect(crm.target.getAccount('erased-33001')).toBeNull();
  });

  it('given the erasure, then connector_drift holds none of it, and a rebuild from position 0 (the values read as erased) gives the same rows', async () => {
    const live = await driftRows();
    expect(await leftoversIn(kit.harness.database.pool, 'connector_drift', SECRETS)).toEqual([]);
    expect(live.find((row) => row.drift_id === attributeDrift)).toMatchObject({
      user_name: 'erased-33001',
      differences: [
        { attribute: 'displayName', expected: ERASED_MARKER, actual: ERASED_MARKER },
        { attribute: 'email', expected: ERASED_MARKER, actual: ERASED_MARKER },
      ],
    });
    expect(live.find((row) => row.drift_id === nobodysAccount)).toMatchObject({ user_name: 'svc-backup' });

    await kit.harness.runtime.stop();
    await rebuildProjection(kit.harness.store.pool, kit.harness.store.wakeups, driftProjection);
    expect(await driftRows()).toEqual(live);
    await kit.harness.runtime.start();
  });
});

/** The events whose data, as read, still contains one of `secrets`. */
function textHolding(events: readonly RecordedEvent[], secrets: readonly string[]): string[] {
  return events.filter((event) => secrets.some((secret) => JSON.stringify(event.data).includes(secret))).map((event) => event.type);
}
