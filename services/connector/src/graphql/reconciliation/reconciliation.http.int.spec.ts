import { randomBytes } from 'node:crypto';
import { sharedSimulatedTargets } from '@tenure/connector-simulated';
import { waitFor } from '@tenure/testing';
import { ConnectorServiceHarness } from '../testing/connector-service-harness';

// Reconciliation through the connector subgraph as it runs over HTTP: an administrator starts a
// run, follows it, reads the drift and decides about it.

const RUN_FIELDS =
  'id status applicationId trigger accountsSeen grantsSeen driftFound driftByKind { orphanedAccounts grantsOutsideTenure } error { kind message }';
const DRIFT_FIELDS = 'id kind status userName entitlementKey reason policyDecision detectedInRunId comment decidedBy';

describe('reconciliation over GraphQL', () => {
  let connector: ConnectorServiceHarness;
  const targetName = `recon-http-${randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    connector = await ConnectorServiceHarness.start();
    const entitlements = [{ key: 'admins', displayName: 'Admins', description: null, kind: 'group' }];
    const target = sharedSimulatedTargets.open(targetName, entitlements);
    target.upsertAccount({
      userName: 'ghost',
      givenName: '',
      familyName: '',
      displayName: 'ghost',
      email: '',
      identityId: '',
      employeeNumber: '',
    });
    target.grant('ghost', 'admins');
    await connector.ok(`mutation($input: RegisterApplicationInput!) { registerApplication(input: $input) { id } }`, {
      input: {
        id: 'chat',
        name: 'Chat',
        connectorType: 'SIMULATED',
        settings: { application: targetName, entitlements },
        ownerEmployeeNumber: '1',
        enabled: false,
      },
    });
  });

  afterAll(async () => {
    await connector?.close();
    sharedSimulatedTargets.forget(targetName);
  });

  it('given an application, when an administrator runs reconciliation, then the run is answered at once and completes with its drift', async () => {
    const started = await connector.ok<{ runReconciliation: { id: string; status: string } }>(
      `mutation { runReconciliation(applicationId: "chat") { ${RUN_FIELDS} } }`,
    );
    expect(started.runReconciliation).toMatchObject({ applicationId: 'chat', trigger: 'ADMINISTRATOR' });

    const run = await waitFor('the run to complete', async () => {
      const { reconciliationRun } = await connector.ok<{ reconciliationRun: { status: string } }>(
        `query($id: ID!) { reconciliationRun(id: $id) { ${RUN_FIELDS} } }`,
        { id: started.runReconciliation.id },
      );
      return reconciliationRun.status === 'RUNNING' ? undefined : reconciliationRun;
    });
    expect(run).toMatchObject({
      status: 'COMPLETED',
      accountsSeen: 1,
      grantsSeen: 1,
      driftFound: 2,
      driftByKind: { orphanedAccounts: 1, grantsOutsideTenure: 1 },
      error: null,
    });

    const { application } = await connector.ok<{ application: unknown }>(
      `{ application(id: "chat") { reconciliation { remediation scheduleMinutes } openDriftCount lastReconciliation { id status } } }`,
    );
    expect(application).toEqual({
      reconciliation: { remediation: 'FLAG', scheduleMinutes: 1440 },
      openDriftCount: 2,
      lastReconciliation: { id: started.runReconciliation.id, status: 'COMPLETED' },
    });
    const { orphanedAccounts } = await connector.ok<{ orphanedAccounts: { edges: { node: unknown }[] } }>(
      `{ orphanedAccounts(applicationId: "chat") { edges { node { ${DRIFT_FIELDS} } } pageInfo { hasNextPage } } }`,
    );
    expect(orphanedAccounts.edges.map(({ node }) => node)).toEqual([
      expect.objectContaining({
        kind: 'ORPHANED_ACCOUNT',
        status: 'OPEN',
        userName: 'ghost',
        policyDecision: expect.stringContaining('flagged'),
        detectedInRunId: started.runReconciliation.id,
      }),
    ]);
  });

  it('given open drift, when an administrator dismisses it, then it is dismissed with the comment; deciding again is a failed precondition', async () => {
    const { drift } = await connector.ok<{ drift: { edges: { node: { id: string; kind: string } }[] } }>(
      `{ drift(filter: { applicationId: "chat", kind: GRANT_OUTSIDE_TENURE, status: [OPEN] }) { edges { node { ${DRIFT_FIELDS} } } } }`,
    );
    expect(drift.edges).toHaveLength(1);
    const driftId = drift.edges[0]!.node.id;

    const remediate = `mutation($id: ID!, $action: DriftAction!) { remediateDrift(driftId: $id, action: $action, comment: "break-glass group") { ${DRIFT_FIELDS} } }`;
    const { remediateDrift } = await connector.ok<{ remediateDrift: unknown }>(remediate, { id: driftId, action: 'DISMISS' });
    expect(remediateDrift).toMatchObject({ status: 'DISMISSED', comment: 'break-glass group', decidedBy: 'administrator' });

    const { errors } = await connector.graphql(remediate, { id: driftId, action: 'REVOKE' });
    expect(errors?.[0]).toMatchObject({
      extensions: { code: 'FAILED_PRECONDITION' },
      message: expect.stringContaining('was already dismissed'),
    });
  });

  it('given an administrator, when the reconciliation setting is configured, then the application shows it; a bad schedule names the field', async () => {
    const { configureReconciliation } = await connector.ok<{ configureReconciliation: unknown }>(
      `mutation { configureReconciliation(applicationId: "chat", remediation: REVOKE, scheduleMinutes: 60) { reconciliation { remediation scheduleMinutes } } }`,
    );
    expect(configureReconciliation).toEqual({ reconciliation: { remediation: 'REVOKE', scheduleMinutes: 60 } });
    const { errors } = await connector.graphql(
      `mutation { configureReconciliation(applicationId: "chat", remediation: FLAG, scheduleMinutes: 1) { id } }`,
    );
    expect(errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringContaining('scheduleMinutes') });
  });
});
