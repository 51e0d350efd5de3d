import { addAssignment, hire, identityIdOf, waitFor } from '@tenure/testing';
import type { EventStore } from '@tenure/event-sourcing';
import { EVENT_STORE } from '@tenure/service-runtime';
import { ConnectorRuntime } from '../../application/connector-runtime';
import { ConnectorServiceHarness } from '../testing/connector-service-harness';

const OPERATION_FIELDS =
  'id action applicationId identityId entitlementKey status attempts priority cause { kind reference } lastError { kind message }';

// Provisioning as the subgraph serves it: the queue, dead letters retried and dismissed, manual
// tasks completed, an application's health, and what a person was provisioned (Identity.accounts).
describe('provisioning over GraphQL', () => {
  jest.setTimeout(60_000);
  let connector: ConnectorServiceHarness;
  let store: EventStore;
  const run = Date.now().toString(36);
  const chat = `chat-${run}`;
  const jane = identityIdOf('60001');

  const settled = async () => {
    const runtime = connector.service.app.get(ConnectorRuntime);
    await runtime.readModelsCaughtUp();
    await runtime.provisioning.plannerCaughtUp();
    await runtime.readModelsCaughtUp();
  };
  const operation = async (id: string) =>
    (
      await connector.ok<{ operation: Record<string, unknown> | null }>(`query ($id: ID!) { operation(id: $id) { ${OPERATION_FIELDS} } }`, {
        id,
      })
    ).operation;
  const waitForStatus = (id: string, status: string) =>
    waitFor(`operation ${id} to be ${status}`, async () => ((await operation(id))?.['status'] === status ? true : undefined));
  const register = (id: string, connectorType: string, settings: Record<string, unknown>) =>
    connector.ok(`mutation ($input: RegisterApplicationInput!) { registerApplication(input: $input) { id } }`, {
      input: { id, name: id, connectorType, settings, ownerEmployeeNumber: '10005' },
    });

  beforeAll(async () => {
    // One attempt: a failure is a dead letter at once. A short poll: the test does not wait for the default second.
    process.env['CONNECTOR_PROVISIONING_MAX_ATTEMPTS'] = '1';
    process.env['CONNECTOR_PROVISIONING_POLL_MS'] = '20';
    connector = await ConnectorServiceHarness.start();
    store = connector.service.app.get<EventStore>(EVENT_STORE);
    await hire(store, { employeeNumber: '60001', department: 'Sales' });
  });

  afterAll(async () => {
    delete process.env['CONNECTOR_PROVISIONING_MAX_ATTEMPTS'];
    delete process.env['CONNECTOR_PROVISIONING_POLL_MS'];
    await connector?.close();
  });

  it('given a target that is down, when a grant fails, then it is a dead letter that an administrator retries once the target is back', async () => {
    await register(chat, 'SIMULATED', { application: chat, entitlements: [{ key: 'member', displayName: 'Member' }], errorRate: 1 });
    await addAssignment(store, { assignmentId: `a-${run}-1`, identityId: jane, applicationId: chat, entitlementKey: 'member' });
    await settled();
    await waitForStatus(`grant.a-${run}-1`, 'DEAD');

    const { deadLetters } = await connector.ok<{ deadLetters: { edges: { node: Record<string, unknown> }[] } }>(
      `query ($app: ID) { deadLetters(applicationId: $app) { edges { node { ${OPERATION_FIELDS} } } pageInfo { hasNextPage } } }`,
      { app: chat },
    );
    expect(deadLetters.edges.map((edge) => edge.node)).toEqual([
      {
        id: `grant.a-${run}-1`,
        action: 'GRANT',
        applicationId: chat,
        identityId: jane,
        entitlementKey: 'member',
        status: 'DEAD',
        attempts: 1,
        priority: 'ROUTINE',
        cause: { kind: 'ASSIGNMENT', reference: `a-${run}-1` },
        lastError: { kind: 'unavailable', message: `simulated ${chat}: 503 Service Unavailable` },
      },
    ]);

    await connector.ok(`mutation ($id: ID!, $settings: JSON!) { configureApplication(id: $id, settings: $settings) { id } }`, {
      id: chat,
      settings: { application: chat, entitlements: [{ key: 'member', displayName: 'Member' }] },
    });
    const { retryOperation } = await connector.ok<{ retryOperation: Record<string, unknown> }>(
      `mutation ($id: ID!) { retryOperation(id: $id) { status attempts } }`,
      { id: `grant.a-${run}-1` },
    );
    expect(retryOperation).toEqual({ status: 'REQUESTED', attempts: 0 });
    await waitForStatus(`grant.a-${run}-1`, 'SUCCEEDED');
  });

  it('given a provisioned person, when the identity entity is resolved, then it carries their accounts and grants', async () => {
    // The operation's SUCCEEDED is in the operations read model; the account is projected by another one, maybe a moment later.
    await settled();
    const { _entities } = await connector.ok<{ _entities: Record<string, unknown>[] }>(
      `query ($representations: [_Any!]!) { _entities(representations: $representations) {
         ... on Identity { id accounts { applicationId userName status } grants { applicationId entitlementKey assignmentId } } } }`,
      { representations: [{ __typename: 'Identity', id: jane }] },
    );
    expect(_entities).toEqual([
      {
        id: jane,
        accounts: [{ applicationId: chat, userName: 'p60001', status: 'ENABLED' }],
        grants: [{ applicationId: chat, entitlementKey: 'member', assignmentId: `a-${run}-1` }],
      },
    ]);
  });

  it('given a dead letter, when an administrator dismisses it with a reason, then it is dismissed; dismissing again is refused', async () => {
    await connector.ok(`mutation ($id: ID!) { pauseApplication(id: $id, reason: "outage") { id } }`, { id: chat });
    await connector.ok(`mutation ($id: ID!, $settings: JSON!) { configureApplication(id: $id, settings: $settings) { id } }`, {
      id: chat,
      settings: {
        application: chat,
        entitlements: [
          { key: 'member', displayName: 'Member' },
          { key: 'admin', displayName: 'Admin' },
        ],
        errorRate: 1,
      },
    });
    await connector.ok(`mutation ($id: ID!) { resumeApplication(id: $id, reason: "try") { id } }`, { id: chat });
    await addAssignment(store, { assignmentId: `a-${run}-2`, identityId: jane, applicationId: chat, entitlementKey: 'admin' });
    await settled();
    await waitForStatus(`grant.a-${run}-2`, 'DEAD');

    const dismissed = await connector.ok<{ dismissOperation: Record<string, unknown> }>(
      `mutation ($id: ID!) { dismissOperation(id: $id, reason: "not needed after all") { status dismissedBy dismissReason } }`,
      { id: `grant.a-${run}-2` },
    );
    expect(dismissed.dismissOperation).toEqual({
      status: 'DISMISSED',
      dismissedBy: expect.any(String),
      dismissReason: 'not needed after all',
    });
    const again = await connector.graphql(`mutation ($id: ID!) { dismissOperation(id: $id, reason: "again") { status } }`, {
      id: `grant.a-${run}-2`,
    });
    expect(again.errors?.[0]?.extensions?.['code']).toBe('FAILED_PRECONDITION');
    const { applicationHealth } = await connector.ok<{ applicationHealth: Record<string, unknown> }>(
      `query ($id: ID!) { applicationHealth(applicationId: $id) { circuit consecutiveFailures lastError { kind } lastSuccessAt deadLetters waiting } }`,
      { id: chat },
    );
    expect(applicationHealth).toMatchObject({
      circuit: 'CLOSED',
      lastError: { kind: 'unavailable' },
      lastSuccessAt: expect.any(String),
      deadLetters: 0,
    });
  });

  it('given a manual application, when an assignment is added, then a task is listed for its owner and completing it records the grant', async () => {
    const badges = `badges-${run}`;
    await register(badges, 'MANUAL', { taskDueHours: 24 });
    await addAssignment(store, { assignmentId: `a-${run}-3`, identityId: jane, applicationId: badges, entitlementKey: 'building-a' });
    await settled();
    await waitForStatus(`grant.a-${run}-3`, 'AWAITING_PERSON');

    const { manualTasks } = await connector.ok<{ manualTasks: { edges: { node: Record<string, unknown> }[] } }>(
      `query ($app: ID) { manualTasks(applicationId: $app) { edges { node { id ownerEmployeeNumber instructions overdue status dueAt } } } }`,
      { app: badges },
    );
    expect(manualTasks.edges.map((edge) => edge.node)).toEqual([
      {
        id: `grant.a-${run}-3`,
        ownerEmployeeNumber: '10005',
        instructions: expect.stringContaining('Grant building-a to Given60001 Person (60001)'),
        overdue: false,
        status: 'OPEN',
        dueAt: expect.any(String),
      },
    ]);
    const { completeManualTask } = await connector.ok<{ completeManualTask: Record<string, unknown> }>(
      `mutation ($id: ID!) { completeManualTask(id: $id, note: "badge issued") { status note completedBy overdue } }`,
      { id: `grant.a-${run}-3` },
    );
    expect(completeManualTask).toEqual({ status: 'COMPLETED', note: 'badge issued', completedBy: expect.any(String), overdue: false });
    await expect(operation(`grant.a-${run}-3`)).resolves.toMatchObject({ status: 'SUCCEEDED' });
  });
});
