import { ConnectorServiceHarness } from './testing/connector-service-harness';

const SECRET = 'graphql-secret-9b1c4e7d';

const APPLICATION_FIELDS =
  'id name connectorType settings credentialNames credentialsSetAt missingCredentialNames enabled pausedReason ownerEmployeeNumber';

describe('applications and the catalog over GraphQL', () => {
  let connector: ConnectorServiceHarness;
  const target = `chat-${Date.now()}`;

  beforeAll(async () => {
    connector = await ConnectorServiceHarness.start();
  });

  afterAll(async () => {
    await connector?.close();
  });

  it('given an application registered with a secret, then neither the answer nor any later query returns the secret', async () => {
    const registered = await connector.graphql<{ registerApplication: Record<string, unknown> }>(
      `mutation ($input: RegisterApplicationInput!) { registerApplication(input: $input) { ${APPLICATION_FIELDS} } }`,
      {
        input: {
          id: 'crm',
          name: 'CRM',
          connectorType: 'SCIM',
          settings: { baseUrl: 'http://127.0.0.1:9/scim/v2', auth: { type: 'bearer', tokenSecret: 'api-token' }, maxRetries: 0 },
          credentials: [{ name: 'api-token', value: SECRET }],
          ownerEmployeeNumber: '10005',
        },
      },
    );

    expect(registered.errors).toBeUndefined();
    expect(registered.data?.registerApplication).toMatchObject({
      id: 'crm',
      connectorType: 'SCIM',
      credentialNames: ['api-token'],
      credentialsSetAt: expect.any(String),
      missingCredentialNames: [],
      enabled: true,
      settings: expect.objectContaining({ auth: { type: 'bearer', tokenSecret: 'api-token' }, timeoutMs: 10_000 }),
    });
    expect(JSON.stringify(registered)).not.toContain(SECRET);
    const listed = await connector.graphql(`{ applications { ${APPLICATION_FIELDS} } application(id: "crm") { ${APPLICATION_FIELDS} } }`);
    expect(listed.errors).toBeUndefined();
    expect(JSON.stringify(listed)).not.toContain(SECRET);
  });

  it('given an unreachable target, when its connection is tested, then the answer is the connector’s error kind, without the secret', async () => {
    const { testApplicationConnection } = await connector.ok<{ testApplicationConnection: Record<string, unknown> }>(
      'mutation { testApplicationConnection(id: "crm") { ok errorKind retryable message } }',
    );

    expect(testApplicationConnection).toMatchObject({ ok: false, errorKind: 'UNAVAILABLE', retryable: true, message: expect.any(String) });
    expect(JSON.stringify(testApplicationConnection)).not.toContain(SECRET);
  });

  it('given a simulated application, when its entitlements are discovered and annotated, then the catalog pages and searches them', async () => {
    await connector.ok(`mutation ($input: RegisterApplicationInput!) { registerApplication(input: $input) { id } }`, {
      input: {
        id: 'chat',
        name: 'Chat',
        connectorType: 'SIMULATED',
        settings: {
          application: target,
          entitlements: [
            { key: 'members', displayName: 'Members' },
            { key: 'workspace-admins', displayName: 'Workspace admins', description: 'Manage channels and users' },
            { key: 'guests', displayName: 'Guests' },
          ],
        },
        ownerEmployeeNumber: '10005',
      },
    });
    expect(await connector.ok('mutation { testApplicationConnection(id: "chat") { ok errorKind } }')).toEqual({
      testApplicationConnection: { ok: true, errorKind: null },
    });
    expect(await connector.ok('mutation { discoverEntitlements(applicationId: "chat") { listed discovered vanished } }')).toEqual({
      discoverEntitlements: { listed: 3, discovered: 3, vanished: 0 },
    });
    expect(await connector.ok('mutation { discoverEntitlements(applicationId: "chat") { discovered vanished } }')).toEqual({
      discoverEntitlements: { discovered: 0, vanished: 0 },
    });

    const { annotateEntitlement } = await connector.ok<{ annotateEntitlement: Record<string, unknown> }>(
      `mutation { annotateEntitlement(input: { applicationId: "chat", key: "workspace-admins", risk: HIGH, licenseCost: 7.5, requestable: true, ownerEmployeeNumber: "10039" })
         { id displayName description risk licenseCost licenseCurrency requestable ownerEmployeeNumber kind present application { id name } } }`,
    );
    expect(annotateEntitlement).toEqual({
      id: 'chat:workspace-admins',
      displayName: 'Workspace admins',
      description: 'Manage channels and users',
      risk: 'HIGH',
      licenseCost: 7.5,
      licenseCurrency: 'EUR',
      requestable: true,
      ownerEmployeeNumber: '10039',
      kind: 'group',
      present: true,
      application: { id: 'chat', name: 'Chat' },
    });

    const searched = await connector.ok<{ entitlements: { edges: { node: { key: string } }[] } }>(
      '{ entitlements(search: "channels") { edges { node { key } } } }',
    );
    expect(searched.entitlements.edges.map((edge) => edge.node.key)).toEqual(['workspace-admins']);

    type Page = {
      entitlements: { edges: { cursor: string; node: { key: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
    };
    const first = await connector.ok<Page>(
      '{ entitlements(applicationId: "chat", first: 2) { edges { cursor node { key } } pageInfo { hasNextPage endCursor } } }',
    );
    expect(first.entitlements.edges.map((edge) => edge.node.key)).toEqual(['guests', 'members']);
    expect(first.entitlements.pageInfo.hasNextPage).toBe(true);
    const rest = await connector.ok<Page>(
      'query ($after: String) { entitlements(applicationId: "chat", first: 2, after: $after) { edges { cursor node { key } } pageInfo { hasNextPage endCursor } } }',
      { after: first.entitlements.pageInfo.endCursor },
    );
    expect(rest.entitlements.edges.map((edge) => edge.node.key)).toEqual(['workspace-admins']);
    expect(rest.entitlements.pageInfo.hasNextPage).toBe(false);
  });

  it('given an application, when paused, resumed and handed over, then the answers say so; unknown ones are NOT_FOUND', async () => {
    expect(await connector.ok('mutation { pauseApplication(id: "chat", reason: "vendor outage") { enabled pausedReason } }')).toEqual({
      pauseApplication: { enabled: false, pausedReason: 'vendor outage' },
    });
    expect(await connector.ok('mutation { resumeApplication(id: "chat", reason: "back") { enabled pausedReason } }')).toEqual({
      resumeApplication: { enabled: true, pausedReason: null },
    });
    expect(
      await connector.ok('mutation { changeApplicationOwner(id: "chat", ownerEmployeeNumber: "10039") { ownerEmployeeNumber } }'),
    ).toEqual({
      changeApplicationOwner: { ownerEmployeeNumber: '10039' },
    });
    const unknown = await connector.graphql('mutation { pauseApplication(id: "nope", reason: "x") { id } }');
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const duplicate = await connector.graphql(
      'mutation { registerApplication(input: { id: "chat", name: "Chat", connectorType: MANUAL, ownerEmployeeNumber: "1" }) { id } }',
    );
    expect(duplicate.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });

  it('given new credentials, when set, then only their names come back', async () => {
    const answer = await connector.graphql(
      'mutation { setApplicationCredentials(id: "crm", credentials: [{ name: "api-token", value: "rotated-secret-value" }]) { credentialNames credentialsSetAt } }',
    );
    expect(answer.errors).toBeUndefined();
    expect(JSON.stringify(answer)).not.toContain('rotated-secret-value');
    const { rows } = await connector.pool.query("SELECT data FROM tenure_events WHERE stream_id = 'application-crm'");
    expect(JSON.stringify(rows)).not.toMatch(new RegExp(`${SECRET}|rotated-secret-value`));
  });
});
