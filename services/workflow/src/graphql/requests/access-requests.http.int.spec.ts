import type { EventStore } from '@tenure/event-sourcing';
import { EVENT_STORE, mintCallerToken, startLocalService, type LocalService } from '@tenure/service-runtime';
import { createTestDatabase, hire, identityIdOf, postGraphql, waitFor, type TestDatabase } from '@tenure/testing';
import { workflowService } from '../../app';
import { publishPolicy } from '../../testing/policy-events';

const SECRET = 'requests-http-test-secret-0123456789abcdef';
const MANAGER_APPROVES = {
  roles: [],
  birthrightRules: [],
  sodRules: [],
  approverGroups: [],
  accessPolicies: [{ id: 'default', name: 'Anything', scope: { kind: 'default' }, maxDurationHours: 24 }],
};

const REQUEST_FIELDS = `id identityId requesterEmployeeNumber applicationId entitlementKey justification requestedDurationHours grantedDurationHours
  status decisionReasons policyVersion risk approvedHow assignmentId requestedAt
  steps { index kind description approvers requiredApprovals status escalatesAt approvals { by { kind employeeNumber } comment at } }`;

interface RequestView {
  id: string;
  status: string;
  [field: string]: unknown;
}

// Requests over HTTP with caller tokens (as the gateway signs them): a person asks, their manager finds it in their inbox and approves.
describe('access requests over HTTP', () => {
  let database: TestDatabase;
  let workflow: LocalService;
  const tokens = new Map<string, string>();
  const store = () => workflow.app.get<symbol, EventStore>(EVENT_STORE);
  const as = async <Data>(employeeNumber: string, query: string, variables: Record<string, unknown> = {}) =>
    postGraphql<Data>(workflow.url, query, variables, tokens.get(employeeNumber)!);
  const identityField = <Data>(employeeNumber: string, caller: string, field: string) =>
    as<{ _entities: Data[] }>(
      caller,
      `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Identity { ${field} { ${REQUEST_FIELDS} } } } }`,
      { representations: [{ __typename: 'Identity', id: identityIdOf(employeeNumber) }] },
    );

  beforeAll(async () => {
    process.env['CALLER_TOKEN_SECRET'] = SECRET;
    for (const employeeNumber of ['1001', '1002', '1003']) tokens.set(employeeNumber, await mintCallerToken(SECRET, employeeNumber));
    database = await createTestDatabase(4);
    workflow = await startLocalService(workflowService, database.url);
    await publishPolicy(store(), 1, MANAGER_APPROVES);
    await hire(store(), { employeeNumber: '1001', department: 'Engineering' });
    await hire(store(), { employeeNumber: '1002', department: 'Engineering', managerEmployeeNumber: '1001' });
    await hire(store(), { employeeNumber: '1003', department: 'Engineering', managerEmployeeNumber: '1001' });
  });

  afterAll(async () => {
    await workflow?.close();
    await database?.drop();
    delete process.env['CALLER_TOKEN_SECRET'];
  });

  it('given a person, when they request access and their manager approves from the inbox, then it is granted and both see it', async () => {
    const requested = await waitFor('workflow to know 1002', async () => {
      const answer = await as<{ requestAccess: RequestView }>(
        '1002',
        `mutation ($input: RequestAccessInput!) { requestAccess(input: $input) { ${REQUEST_FIELDS} } }`,
        { input: { applicationId: 'crm', entitlementKey: 'viewer', justification: 'customer call', durationHours: 4 } },
      );
      return answer.data?.requestAccess;
    });
    expect(requested).toMatchObject({
      identityId: identityIdOf('1002'),
      requesterEmployeeNumber: '1002',
      status: 'PENDING',
      policyVersion: 1,
      grantedDurationHours: 4,
      steps: [{ index: 0, kind: 'MANAGER', approvers: ['1001'], requiredApprovals: 1, status: 'OPEN', approvals: [] }],
    });

    const ownApproval = await as('1002', `mutation ($id: ID!) { approveRequest(id: $id, comment: "me") { id } }`, { id: requested.id });
    expect(ownApproval.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const inbox = await waitFor('the manager’s inbox to list it', async () => {
      const answer = await identityField<{ pendingApprovals: RequestView[] }>('1001', '1001', 'pendingApprovals');
      return answer.data?._entities[0]?.pendingApprovals.find((request) => request.id === requested.id);
    });
    expect(inbox.status).toBe('PENDING');

    const approved = await as<{ approveRequest: RequestView }>(
      '1001',
      `mutation ($id: ID!) { approveRequest(id: $id, comment: "go ahead") { ${REQUEST_FIELDS} } }`,
      { id: requested.id },
    );
    expect(approved.errors).toBeUndefined();
    expect(approved.data?.approveRequest).toMatchObject({ status: 'APPROVED', approvedHow: 'APPROVALS' });

    const granted = await waitFor('the grant', async () => {
      const answer = await identityField<{ requests: RequestView[] }>('1002', '1002', 'requests');
      return answer.data?._entities[0]?.requests.find((request) => request.id === requested.id && request.status === 'GRANTED');
    });
    expect(granted).toMatchObject({ assignmentId: `request-${requested.id}` });
    const managerView = await as<{ accessRequest: RequestView }>(
      '1001',
      `query ($id: ID!) { accessRequest(id: $id) { ${REQUEST_FIELDS} } }`,
      {
        id: requested.id,
      },
    );
    expect(managerView.data?.accessRequest.status).toBe('GRANTED');
  });

  it('given a colleague who is not their manager, when they read someone’s requests, then it is forbidden', async () => {
    const answer = await identityField('1002', '1003', 'requests');
    expect(answer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('given no token, when requesting access, then it is unauthenticated', async () => {
    const answer = await postGraphql(
      workflow.url,
      `mutation { requestAccess(input: { applicationId: "crm", entitlementKey: "viewer", justification: "x", durationHours: 1 }) { id } }`,
    );
    expect(answer.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
