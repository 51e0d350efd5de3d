import { ADMIN_TOKEN, eventually, PlatformUnderTest } from './testing/platform-under-test';

// Integration tokens (INTEGRATION_TOKENS) through the gateway of a platform started as `npm start`
// starts it: the integration acts for the one active person its X-Tenure-Act-As-Email names, with that
// person's rights and never a platform role.
jest.setTimeout(300_000);

const INTEGRATION_TOKEN = 'e2e-integration-token-for-the-slack-app-0123456789';
// Demo company: 10010 Oliver Grant reports to 10007 Priya Raman; 10047 Sara Lund is an administrator
// at the development identity provider; 10039 Isabel Ferreira is terminated by the test.
const OLIVER = { employeeNumber: '10010', email: 'oliver.grant@example.com' };
const PRIYA = { employeeNumber: '10007', email: 'priya.raman@example.com' };
const SARA = { employeeNumber: '10047', email: 'sara.lund@example.com' };
const ISABEL = { employeeNumber: '10039', email: 'isabel.ferreira@example.com' };

const REQUEST_ACCESS = `mutation($input: RequestAccessInput!) { requestAccess(input: $input) {
  id status requesterEmployeeNumber subjectEmployeeNumber applicationId entitlementKey justification requestedDurationHours } }`;
const APPROVE = `mutation($id: ID!) { approveRequest(id: $id, comment: "via integration") {
  status steps { index status approvals { by { kind employeeNumber } } } } }`;

interface Answer<Data> {
  readonly status: number;
  readonly headers: Headers;
  readonly body: {
    readonly data?: Data | null;
    readonly errors?: readonly { readonly message: string; readonly extensions?: { readonly code?: string } }[];
  };
}

describe('integration tokens: an integration acts for one person, with exactly their rights', () => {
  let platform: PlatformUnderTest;

  async function asIntegration<Data>(
    query: string,
    variables: Record<string, unknown>,
    headers: Record<string, string>,
  ): Promise<Answer<Data>> {
    const response = await fetch(`${platform.origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${INTEGRATION_TOKEN}`, ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, headers: response.headers, body: (await response.json()) as Answer<Data>['body'] };
  }

  function actingAs<Data>(email: string, query: string, variables: Record<string, unknown> = {}): Promise<Answer<Data>> {
    return asIntegration<Data>(query, variables, { 'x-tenure-act-as-email': email });
  }

  beforeAll(async () => {
    platform = await PlatformUnderTest.start({ INTEGRATION_TOKENS: `slack:${INTEGRATION_TOKEN}` });
  });

  afterAll(async () => {
    await platform?.stop();
  });

  it('given an active employee’s email, when the integration requests access, then the request is theirs', async () => {
    const answer = await actingAs<{ requestAccess: Record<string, unknown> }>(OLIVER.email.toUpperCase(), REQUEST_ACCESS, {
      input: { applicationId: 'aws-production', entitlementKey: 'viewer', justification: 'INC-7 from the integration', durationHours: 4 },
    });

    expect(answer.status).toBe(200);
    expect(answer.body.errors).toBeUndefined();
    expect(answer.headers.get('x-tenure-acting-as')).toBe(OLIVER.employeeNumber);
    expect(answer.body.data?.requestAccess).toMatchObject({
      status: 'PENDING',
      requesterEmployeeNumber: OLIVER.employeeNumber,
      subjectEmployeeNumber: OLIVER.employeeNumber,
      applicationId: 'aws-production',
      entitlementKey: 'viewer',
      justification: 'INC-7 from the integration',
      requestedDurationHours: 4,
    });
  });

  it('given the requester’s own email, when the integration approves, then it is refused; as the manager, the approval is hers', async () => {
    const requested = await actingAs<{ requestAccess: { id: string } }>(OLIVER.email, REQUEST_ACCESS, {
      input: { applicationId: 'aws-production', entitlementKey: 'viewer', justification: 'second request', durationHours: 2 },
    });
    const id = requested.body.data!.requestAccess.id;

    const selfApproval = await actingAs<unknown>(OLIVER.email, APPROVE, { id });
    const byManager = await actingAs<{ approveRequest: { steps: { index: number; status: string; approvals: unknown[] }[] } }>(
      PRIYA.email,
      APPROVE,
      { id },
    );

    expect(selfApproval.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(byManager.body.errors).toBeUndefined();
    expect(byManager.body.data?.approveRequest.steps[0]).toEqual({
      index: 0,
      status: 'APPROVED',
      approvals: [{ by: { kind: 'PERSON', employeeNumber: PRIYA.employeeNumber } }],
    });
  });

  it('given a person who is an administrator at the identity provider, when acted for, then administrator-only queries are refused', async () => {
    const signedIn = await platform.graphql<{ identities: { totalCount: number } }>(
      '{ identities(first: 1) { totalCount } }',
      {},
      await platform.signIn(SARA.employeeNumber),
    );
    const integration = await actingAs<unknown>(SARA.email, '{ identities(first: 1) { totalCount } }');
    const configuration = await actingAs<unknown>(SARA.email, 'mutation { runReconciliation(applicationId: "erp") { id } }');

    expect(signedIn.data?.identities.totalCount).toBeGreaterThan(0);
    expect(integration.headers.get('x-tenure-acting-as')).toBe(SARA.employeeNumber);
    expect(integration.body.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/administrators and auditors, and 10047 is neither/),
      extensions: { code: 'FORBIDDEN' },
    });
    expect(configuration.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('given no X-Tenure-Act-As-Email, when the integration sends a query, then 401 names the header', async () => {
    const answer = await asIntegration<unknown>('{ __typename }', {}, {});

    expect(answer.status).toBe(401);
    expect(answer.body.errors?.[0]).toMatchObject({
      message: expect.stringContaining('X-Tenure-Act-As-Email'),
      extensions: { code: 'UNAUTHENTICATED' },
    });
  });

  it('given an email nobody in HR has, when acted for, then 403 names the email and nothing is requested', async () => {
    const answer = await actingAs<unknown>('nobody@example.com', REQUEST_ACCESS, {
      input: { applicationId: 'aws-production', entitlementKey: 'viewer', justification: 'nobody', durationHours: 1 },
    });

    expect(answer.status).toBe(403);
    expect(answer.body.data).toBeUndefined();
    expect(answer.body.errors).toEqual([
      { message: 'no identity in Tenure has the email nobody@example.com', extensions: { code: 'FORBIDDEN' } },
    ]);
  });

  it('given a terminated person’s email, when acted for, then 403 says they are not active', async () => {
    const found = await platform.scim('GET', `/Users?filter=${encodeURIComponent(`userName eq "${ISABEL.employeeNumber}"`)}`);
    const id = (found.body['Resources'] as { id: string }[])[0]!.id;
    expect((await platform.scim('DELETE', `/Users/${id}`)).status).toBe(204);
    await eventually(async () => {
      const data = await platform.data<{ identity: { status: string } }>(
        'query($id: ID!) { identity(id: $id) { status } }',
        { id },
        ADMIN_TOKEN,
      );
      return data.identity.status === 'TERMINATED' ? true : undefined;
    }, 'Isabel terminated');

    const answer = await actingAs<unknown>(ISABEL.email, '{ __typename }');

    expect(answer.status).toBe(403);
    expect(answer.body.errors?.[0]?.message).toBe(`${ISABEL.email} belongs to no active identity in Tenure (TERMINATED)`);
  });

  it('given a wrong integration token, when sent, then 401 as any unknown token', async () => {
    const response = await fetch(`${platform.origin}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${INTEGRATION_TOKEN}x`,
        'x-tenure-act-as-email': OLIVER.email,
      },
      body: JSON.stringify({ query: '{ __typename }' }),
    });

    expect(response.status).toBe(401);
  });
});
