import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { mintCallerToken } from '@tenure/service-runtime';
import { createTestDatabase, freePort, NodeProcess, TestIssuer, type TestDatabase } from '@tenure/testing';
import { SignJWT } from 'jose';

// The gateway and the identity service as their own processes from their built dist/, trusting a test
// OpenID issuer. What the identity service lets each caller read shows what the gateway vouched for.
const REPOSITORY_ROOT = join(__dirname, '..', '..');
const GATEWAY_SCRIPT = join(REPOSITORY_ROOT, 'gateway', 'dist', 'main.js');
const IDENTITY_SCRIPT = join(REPOSITORY_ROOT, 'services', 'identity', 'dist', 'main.js');
const CALLER_TOKEN_SECRET = 'authentication-e2e-caller-token-secret-0123456789';
const ADMIN_TOKEN = 'authentication-e2e-admin-token';
const INTEGRATION_TOKEN = 'authentication-e2e-integration-token-0123456789';
const READERS_ONLY = '{ identities(first: 1) { totalCount } }';
const ANY_CALLER = '{ identityByEmployeeNumber(employeeNumber: "10010") { id } }';

jest.setTimeout(60_000);

interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly body: {
    readonly data?: Record<string, unknown> | null;
    readonly errors?: readonly { readonly message: string; readonly extensions?: Record<string, unknown> }[];
  };
}

describe('gateway authentication: OpenID access tokens in, caller tokens to the services', () => {
  let database: TestDatabase;
  let issuer: TestIssuer;
  let identity: NodeProcess;
  let gateway: NodeProcess;
  let withoutProvider: NodeProcess;
  let origin: string;
  let unreachableProviderOrigin: string;

  async function post(query: string, authorization?: string, at = origin): Promise<Answer> {
    const response = await fetch(`${at}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
      body: JSON.stringify({ query }),
    });
    return { status: response.status, headers: response.headers, body: (await response.json()) as Answer['body'] };
  }

  async function startGateway(name: string, env: Record<string, string>): Promise<{ process: NodeProcess; origin: string }> {
    const port = await freePort();
    const process = NodeProcess.start(name, GATEWAY_SCRIPT, {
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      IDENTITY_URL: identityUrl,
      CALLER_TOKEN_SECRET,
      ADMIN_TOKENS: ADMIN_TOKEN,
      ...env,
    });
    await process.waitForLog('listening');
    return { process, origin: `http://127.0.0.1:${port}` };
  }

  let identityUrl: string;

  beforeAll(async () => {
    for (const script of [GATEWAY_SCRIPT, IDENTITY_SCRIPT]) {
      if (!existsSync(script)) throw new Error(`${script} is missing: build first (npx nx run @tenure/gateway:test builds it)`);
    }
    database = await createTestDatabase(4);
    issuer = await TestIssuer.start();
    const identityPort = await freePort();
    identityUrl = `http://127.0.0.1:${identityPort}/graphql`;
    identity = NodeProcess.start('identity', IDENTITY_SCRIPT, {
      PORT: String(identityPort),
      HOST: '127.0.0.1',
      DATABASE_URL: database.url,
      LOG_LEVEL: 'info',
      CALLER_TOKEN_SECRET,
      ADMIN_TOKENS: ADMIN_TOKEN,
    });
    await identity.waitForLog('listening');
    const started = await Promise.all([
      startGateway('gateway', { OIDC_ISSUER: issuer.issuer, INTEGRATION_TOKENS: `chat-bot:${INTEGRATION_TOKEN}` }),
      startGateway('gateway-unreachable-provider', { OIDC_ISSUER: `http://127.0.0.1:${await freePort()}` }),
    ]);
    [{ process: gateway, origin }, { process: withoutProvider, origin: unreachableProviderOrigin }] = started;
  });

  afterAll(async () => {
    await Promise.all([gateway?.stop(), withoutProvider?.stop(), identity?.stop()]);
    await issuer?.stop();
    await database?.drop();
  });

  function expectUnauthenticated(answer: Answer, reason: RegExp): void {
    expect(answer.status).toBe(401);
    expect(answer.headers.get('www-authenticate')).toBe('Bearer realm="tenure"');
    expect(answer.body.data).toBeUndefined();
    expect(answer.body.errors).toEqual([{ message: expect.stringMatching(reason), extensions: { code: 'UNAUTHENTICATED' } }]);
  }

  it('given no Authorization header, when a query is sent, then it is refused with 401 before any service is asked', async () => {
    expectUnauthenticated(await post(ANY_CALLER), /sign in first/);
  });

  it('given an employee’s valid access token, when they read, then the service knows them as a person without platform roles', async () => {
    const token = await issuer.token('10010');

    const anyCaller = await post(ANY_CALLER, `Bearer ${token}`);
    const readersOnly = await post(READERS_ONLY, `Bearer ${token}`);

    expect(anyCaller).toMatchObject({ status: 200, body: { data: { identityByEmployeeNumber: null } } });
    expect(anyCaller.body.errors).toBeUndefined();
    expect(readersOnly.body.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/for administrators and auditors, and 10010 is neither/),
      extensions: { code: 'FORBIDDEN' },
    });
  });

  it('given an auditor’s or administrator’s token (by group), when they read everything, then it is answered', async () => {
    const auditor = await issuer.token('10040', { claims: { groups: ['staff', 'tenure-auditors'] } });
    const administrator = await issuer.token('10047', { claims: { groups: ['tenure-administrators'] } });

    for (const token of [auditor, administrator]) {
      expect(await post(READERS_ONLY, `Bearer ${token}`)).toMatchObject({ status: 200, body: { data: { identities: { totalCount: 0 } } } });
    }
  });

  it('given an administrator API token, when it reads everything, then it is answered', async () => {
    expect(await post(READERS_ONLY, `Bearer ${ADMIN_TOKEN}`)).toMatchObject({
      status: 200,
      body: { data: { identities: { totalCount: 0 } } },
    });
  });

  it('given an expired token, when sent, then 401 says it expired', async () => {
    expectUnauthenticated(await post(ANY_CALLER, `Bearer ${await issuer.token('10010', { expiresIn: -30 })}`), /expired; sign in again/);
  });

  it('given a token signed with a key the provider never published, when sent, then 401 says it is not signed by the provider', async () => {
    expectUnauthenticated(
      await post(ANY_CALLER, `Bearer ${await issuer.token('10047', { forged: true, claims: { groups: ['tenure-administrators'] } })}`),
      /not signed by the identity provider/,
    );
  });

  it('given a token for another audience or from another issuer, when sent, then 401 names the claim', async () => {
    expectUnauthenticated(await post(ANY_CALLER, `Bearer ${await issuer.token('10010', { audience: 'another-api' })}`), /aud claim/);
    expectUnauthenticated(
      await post(ANY_CALLER, `Bearer ${await issuer.token('10010', { issuer: 'https://elsewhere.example' })}`),
      /iss claim/,
    );
  });

  it('given a caller token a client signed itself (even with the real secret), when sent to the gateway, then it is refused', async () => {
    const selfMade = await mintCallerToken(CALLER_TOKEN_SECRET, '10047', { roles: ['administrator'] });
    const unsigned = await new SignJWT({ employee_number: '10047' })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(issuer.issuer)
      .setAudience('tenure-api')
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode('x'.repeat(32)));

    expectUnauthenticated(await post(READERS_ONLY, `Bearer ${selfMade}`), /./);
    expectUnauthenticated(await post(READERS_ONLY, `Bearer ${unsigned}`), /algorithm this gateway does not accept/);
  });

  it('given a token with no employee number claim, when sent, then 401 names the missing claim', async () => {
    expectUnauthenticated(
      await post(ANY_CALLER, `Bearer ${await issuer.token('', { claims: { employee_number: undefined } })}`),
      /no employee_number claim/,
    );
  });

  it('given a malformed Authorization header or an unknown opaque token, when sent, then 401', async () => {
    expectUnauthenticated(await post(ANY_CALLER, 'Basic dXNlcjpwYXNz'), /must be "Bearer <token>"/);
    expectUnauthenticated(await post(ANY_CALLER, 'Bearer not-a-token'), /not a well-formed access token/);
  });

  it('given an identity provider that cannot be reached, when a person’s token is sent, then 503 says sign-in cannot be checked', async () => {
    const answer = await post(ANY_CALLER, `Bearer ${await issuer.token('10010')}`, unreachableProviderOrigin);

    expect(answer.status).toBe(503);
    expect(answer.body.errors?.[0]?.extensions?.['code']).toBe('SERVICE_UNAVAILABLE');
  });

  it('given an integration token naming someone HR does not know, when sent, then 403 names the email and the log names the integration', async () => {
    const response = await fetch(`${origin}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${INTEGRATION_TOKEN}`,
        'x-tenure-act-as-email': 'ada@example.com',
      },
      body: JSON.stringify({ query: ANY_CALLER }),
    });

    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({
      errors: [{ message: 'no identity in Tenure has the email ada@example.com', extensions: { code: 'FORBIDDEN' } }],
    });
    expect(gateway.logs).toContainEqual(
      expect.objectContaining({ msg: 'integration request refused', integration: 'chat-bot', status: 403 }),
    );
  });

  it('never writes a token to its logs', async () => {
    const token = await issuer.token('10010');
    await post(ANY_CALLER, `Bearer ${token}`);

    const output = [...gateway.logs, ...identity.logs].map((line) => JSON.stringify(line)).join('\n');
    expect(output).not.toContain(token);
    expect(output).not.toContain(ADMIN_TOKEN);
    expect(output).not.toContain(INTEGRATION_TOKEN);
  });
});
