import { rebuildProjection } from '@tenure/event-store-postgres';
import { addAssignment, hire, identityIdOf, terminate, waitFor } from '@tenure/testing';
import { driftIdOf, remediationOperationId, type DriftKind } from '../domain/reconciliation';
import { driftProjection } from '../read-model/reconciliation/drift.projection';
import { reconciliationRunsProjection } from '../read-model/reconciliation/reconciliation-runs.projection';
import { ADMIN, TestClock } from '../testing/connector-harness';
import {
  accountOf,
  eventsOf,
  handMadeAccount,
  scratchRowCount,
  simulatedTarget,
  startReconciliationKit,
  type ReconciliationKit,
} from './testing/reconciliation-test-kit';

// Reconciliation of a simulated SaaS target on a real PostgreSQL: the target is seeded through its
// own API, the desired state through published identity and assignment events. The application is
// registered paused so that provisioning does not change the target behind the tests' back.

const clock = new TestClock(new Date('2026-05-10T08:00:00Z'));
const APP = 'crm';
const drift = (kind: DriftKind, userName: string, entitlementKey: string | null = null) =>
  driftIdOf({ applicationId: APP, kind, userName, entitlementKey });

describe('reconciliation of an application', () => {
  let kit: ReconciliationKit;
  let firstRunId: string;
  const crm = simulatedTarget(['admins', 'sales', 'readers']);

  beforeAll(async () => {
    kit = await startReconciliationKit(clock);
    const { store } = kit.harness;
    await kit.harness.runtime.applications.register(
      {
        applicationId: APP,
        name: 'CRM',
        connectorType: 'simulated',
        settings: crm.settings,
        credentials: {},
        ownerEmployeeNumber: '31000',
        enabled: false,
      },
      ADMIN,
    );
    for (const employeeNumber of ['31001', '31002', '31003', '31004', '31005', '31006', '31007']) {
      await hire(store, { employeeNumber, department: 'Sales' });
    }
    await terminate(store, '31003');
    await terminate(store, '31004');
    const assign = (employeeNumber: string, entitlementKey: string) =>
      addAssignment(store, {
        assignmentId: `a-${employeeNumber}-${entitlementKey}`,
        identityId: identityIdOf(employeeNumber),
        applicationId: APP,
        entitlementKey,
      });
    for (const [employeeNumber, key] of [
      ['31001', 'sales'],
      ['31002', 'sales'],
      ['31002', 'readers'],
      ['31005', 'sales'],
      ['31006', 'sales'],
      ['31007', 'sales'],
    ] as const) {
      await assign(employeeNumber, key);
    }

    const { target } = crm;
    const give = (userName: string, ...keys: string[]) => keys.forEach((key) => target.grant(userName, key));
    target.upsertAccount(accountOf('31001'));
    give('p31001', 'sales', 'admins'); // admins: granted outside Tenure
    target.upsertAccount(accountOf('31002'));
    give('p31002', 'sales'); // readers: missing
    target.upsertAccount(accountOf('31003')); // terminated, still enabled: orphaned
    target.upsertAccount(accountOf('31004'));
    target.setEnabled('p31004', false);
    give('p31004', 'readers'); // a leaver's disabled account: the correct end state, not drift
    target.upsertAccount(handMadeAccount('ghost'));
    give('ghost', 'admins'); // nobody's account, and its grant
    target.upsertAccount(accountOf('31005', { displayName: 'Wrong Name' }));
    give('p31005', 'sales'); // attributes differ from HR's
    // 31006 has no account at all: its sales grant is missing.
    target.upsertAccount(accountOf('31007', { userName: 'legacy-31007' }));
    give('legacy-31007', 'sales'); // another user name, matched by the employee number the target recorded
    await kit.harness.runtime.readModelsCaughtUp();
  });

  afterAll(() => kit?.harness.stop());

  const queries = () => kit.harness.runtime.reconciliation.queries;
  async function driftRows() {
    await kit.harness.runtime.readModelsCaughtUp();
    const page = await queries().drift({ applicationId: APP, first: 100 });
    return page.items.map(({ node }) => node);
  }
  async function driftOperations() {
    const requested = await eventsOf(kit.harness, 'operation-drift.');
    return requested.filter((event) => event.type === 'OperationRequested').map((event) => event.data as Record<string, unknown>);
  }

  it('given a target with each kind of drift, when reconciled in small pages with remediation flag, then each drift is found once and nothing is asked of the target', async () => {
    const outcome = await kit.reconciliation.run(APP, { trigger: 'administrator', actor: ADMIN });

    expect(outcome).toMatchObject({
      status: 'completed',
      drift: { 'orphaned-account': 2, 'grant-outside-tenure': 2, 'missing-grant': 2, 'attribute-drift': 1 },
      newDrift: 7,
      remediation: { operations: 0, adoptions: 0, flagged: 7, alreadyHandled: 0 },
    });
    firstRunId = outcome!.runId;
    const found = await driftRows();
    expect(found.map(({ kind, userName, entitlementKey, status }) => [kind, userName, entitlementKey, status])).toEqual([
      ['grant-outside-tenure', 'ghost', 'admins', 'open'],
      ['orphaned-account', 'ghost', null, 'open'],
      ['grant-outside-tenure', 'p31001', 'admins', 'open'],
      ['missing-grant', 'p31002', 'readers', 'open'],
      ['orphaned-account', 'p31003', null, 'open'],
      ['attribute-drift', 'p31005', null, 'open'],
      ['missing-grant', 'p31006', 'sales', 'open'],
    ]);
    expect(found.find((row) => row.userName === 'p31005')!.differences).toEqual([
      { attribute: 'displayName', expected: 'Given31005 Person', actual: 'Wrong Name' },
    ]);
    expect(found.find((row) => row.userName === 'p31003')).toMatchObject({
      identityId: identityIdOf('31003'),
      identityStatus: 'terminated',
    });

    const run = await queries().run(firstRunId);
    expect(run).toMatchObject({ status: 'completed', accountsSeen: 7, grantsSeen: 7, driftFound: 7, error: null });
    const runEvents = await kit.harness.store.readStream(`reconciliation-${firstRunId}`);
    // Seven drifts in batches of two; pages of three accounts.
    expect(runEvents.map((event) => event.type)).toEqual([
      'ReconciliationStarted',
      'DriftDetected',
      'DriftDetected',
      'DriftDetected',
      'DriftDetected',
      'ReconciliationCompleted',
    ]);
    expect(await scratchRowCount(kit.harness)).toBe(0);
    expect(await driftOperations()).toEqual([]);
  });

  it('given the same target, when reconciled again, then the same drift is the same drift: one row each, first seen in the first run', async () => {
    const outcome = await kit.reconciliation.run(APP, { trigger: 'administrator', actor: ADMIN });

    expect(outcome).toMatchObject({ status: 'completed', newDrift: 0 });
    const found = await driftRows();
    expect(found).toHaveLength(7);
    for (const row of found) {
      expect(row).toMatchObject({ occurrence: 1, firstSeenRunId: firstRunId, lastSeenRunId: outcome!.runId, status: 'open' });
    }
    expect(found.map((row) => row.driftId)).toContain(drift('orphaned-account', 'ghost'));
  });

  it('given flag, when an administrator remediates, then revoke requests the operation, adopt records DriftAdopted, dismiss closes it; the rest stays open', async () => {
    const service = kit.reconciliation;
    await service.remediate(drift('orphaned-account', 'ghost'), 'revoke', 'nobody knows this account', ADMIN);
    await service.remediate(drift('grant-outside-tenure', 'p31001', 'admins'), 'adopt', 'approved by the CRM owner', ADMIN);
    await service.remediate(drift('grant-outside-tenure', 'ghost', 'admins'), 'dismiss', 'goes with the account', ADMIN);
    await expect(service.remediate(drift('orphaned-account', 'p31003'), 'adopt', 'keep it', ADMIN)).rejects.toMatchObject({
      code: 'illegal_state',
      message: expect.stringContaining('only a grant made outside Tenure can be adopted'),
    });
    await expect(
      service.remediate(drift('grant-outside-tenure', 'ghost', 'admins'), 'revoke', 'changed my mind', ADMIN),
    ).rejects.toMatchObject({
      code: 'illegal_state',
      message: expect.stringContaining('was already dismissed'),
    });
    await expect(service.remediate('no-such-drift', 'dismiss', 'x', ADMIN)).rejects.toMatchObject({ code: 'not_found' });

    expect(await driftOperations()).toEqual([
      expect.objectContaining({
        operationId: remediationOperationId(drift('orphaned-account', 'ghost'), 1),
        action: 'disable-account',
        applicationId: APP,
        identityId: '',
        userName: 'ghost',
        priority: 'routine',
        cause: { kind: 'drift', reference: drift('orphaned-account', 'ghost') },
      }),
    ]);
    const adopted = await kit.harness.store.readStream(`drift-${drift('grant-outside-tenure', 'p31001', 'admins')}`);
    expect(adopted.map(({ type, data }) => ({ type, data }))).toEqual([
      {
        type: 'DriftAdopted',
        data: expect.objectContaining({
          identityId: identityIdOf('31001'),
          employeeNumber: '31001',
          userName: 'p31001',
          entitlementKey: 'admins',
          applicationId: APP,
          decidedBy: 'administrator',
          detectedInRunId: firstRunId,
        }),
      },
    ]);
    const statuses = Object.fromEntries(
      (await driftRows()).map((row) => [`${row.kind} ${row.userName} ${row.entitlementKey ?? ''}`.trim(), row.status]),
    );
    expect(statuses).toEqual({
      'grant-outside-tenure ghost admins': 'dismissed',
      'orphaned-account ghost': 'remediating',
      'grant-outside-tenure p31001 admins': 'adopted',
      'missing-grant p31002 readers': 'open',
      'orphaned-account p31003': 'open',
      'attribute-drift p31005': 'open',
      'missing-grant p31006 sales': 'open',
    });
  });

  it('given remediation revoke, when reconciled, then every open drift gets the operation that fixes it, missing grants included, once', async () => {
    await kit.harness.runtime.applications.configureReconciliation(APP, { remediation: 'revoke', scheduleMinutes: 1440 }, ADMIN);

    const outcome = await kit.reconciliation.run(APP, { trigger: 'administrator', actor: ADMIN });
    expect(outcome).toMatchObject({ status: 'completed', remediation: { operations: 4, adoptions: 0, flagged: 0, alreadyHandled: 3 } });
    const byOperation = new Map((await driftOperations()).map((request) => [request['operationId'], request]));
    expect(byOperation.get(remediationOperationId(drift('orphaned-account', 'p31003'), 1))).toMatchObject({
      action: 'disable-account',
      identityId: identityIdOf('31003'),
      priority: 'leaver',
    });
    expect(byOperation.get(remediationOperationId(drift('missing-grant', 'p31002', 'readers'), 1))).toMatchObject({
      action: 'grant',
      assignmentId: 'a-31002-readers',
      entitlementKey: 'readers',
    });
    expect(byOperation.get(remediationOperationId(drift('missing-grant', 'p31006', 'sales'), 1))).toMatchObject({
      action: 'grant',
      userName: 'p31006',
    });
    expect(byOperation.get(remediationOperationId(drift('attribute-drift', 'p31005'), 1))).toMatchObject({ action: 'update-account' });
    expect(byOperation.size).toBe(5);

    const again = await kit.reconciliation.run(APP, { trigger: 'administrator', actor: ADMIN });
    expect(again).toMatchObject({ remediation: { operations: 0, alreadyHandled: 7 } });
    expect(await driftOperations()).toHaveLength(5);
  });

  it('given remediation adopt, when a new outside grant of a known identity is found, then it is adopted by the policy', async () => {
    await kit.harness.runtime.applications.configureReconciliation(APP, { remediation: 'adopt', scheduleMinutes: 1440 }, ADMIN);
    crm.target.grant('p31002', 'admins');

    const outcome = await kit.reconciliation.run(APP, { trigger: 'administrator', actor: ADMIN });
    expect(outcome).toMatchObject({ newDrift: 1, remediation: { adoptions: 1 } });
    const adopted = await kit.harness.store.readStream(`drift-${drift('grant-outside-tenure', 'p31002', 'admins')}`);
    expect(adopted).toEqual([
      expect.objectContaining({
        type: 'DriftAdopted',
        data: expect.objectContaining({ decidedBy: 'policy', comment: null, occurrence: 1 }),
      }),
    ]);
  });

  it('given the application resumed, when provisioning has carried out the remediation, then the next run finds the fixed drift gone', async () => {
    await kit.harness.runtime.applications.resume(APP, 'reconciled', ADMIN);
    const { target } = crm;
    await waitFor(
      'provisioning to carry out the remediation',
      () =>
        (target.getAccount('ghost')?.enabled === false &&
          target.getAccount('p31003')?.enabled === false &&
          target.getAccount('p31005')?.displayName === 'Given31005 Person' &&
          target.getAccount('p31006') !== null) ||
        undefined,
      15_000,
    );

    const outcome = await kit.reconciliation.run(APP, { trigger: 'administrator', actor: ADMIN });
    expect(outcome).toMatchObject({ status: 'completed', newDrift: 0 });
    const statuses = Object.fromEntries(
      (await driftRows()).map((row) => [`${row.kind} ${row.userName} ${row.entitlementKey ?? ''}`.trim(), row.status]),
    );
    expect(statuses).toMatchObject({
      'orphaned-account ghost': 'remediated',
      'orphaned-account p31003': 'remediated',
      'attribute-drift p31005': 'remediated',
      'missing-grant p31006 sales': 'remediated',
      'missing-grant p31002 readers': 'remediated',
    });
  });
  it('given runs, decisions and remediations, when the reconciliation read models are rebuilt from position 0, then they hold exactly what they held', async () => {
    const snapshot = async () => ({
      runs: (await kit.harness.database.pool.query('SELECT * FROM connector_reconciliation_runs ORDER BY run_id')).rows,
      drift: (await kit.harness.database.pool.query('SELECT * FROM connector_drift ORDER BY drift_id')).rows,
    });
    await kit.harness.runtime.readModelsCaughtUp();
    const before = await snapshot();
    expect(before.drift.length).toBeGreaterThan(0);

    await kit.harness.runtime.stop();
    for (const projection of [reconciliationRunsProjection, driftProjection]) {
      await rebuildProjection(kit.harness.store.pool, kit.harness.store.wakeups, projection);
    }
    expect(await snapshot()).toEqual(before);
    await kit.harness.runtime.start();
  });
});
