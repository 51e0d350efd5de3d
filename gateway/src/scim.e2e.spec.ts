import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase, freePort, NodeProcess } from '@tenure/testing';

// The identity service and the gateway run as their own processes from their built dist/, over
// real HTTP; an HR system talks SCIM to the gateway's origin only.
const REPOSITORY_ROOT = join(__dirname, '..', '..');
const GATEWAY_SCRIPT = join(REPOSITORY_ROOT, 'gateway', 'dist', 'main.js');
const IDENTITY_SCRIPT = join(REPOSITORY_ROOT, 'services', 'identity', 'dist', 'main.js');
const TOKEN = 'e2e-scim-token';
const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const TENURE = 'urn:ietf:params:scim:schemas:extension:tenure:hr:2.0:User';
const EMPLOYED_SINCE = { [TENURE]: { startDate: '2024-01-15' } };

jest.setTimeout(60_000);

interface Reply {
  readonly status: number;
  readonly headers: Headers;
  readonly body: Record<string, unknown>;
}

describe('SCIM 2.0 through the gateway', () => {
  let database: TestDatabase;
  let identity: NodeProcess;
  let gateway: NodeProcess;
  let scimBase: string;

  async function scim(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply> {
    const response = await fetch(`${scimBase}${path}`, {
      method,
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/scim+json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
  }

  beforeAll(async () => {
    for (const script of [GATEWAY_SCRIPT, IDENTITY_SCRIPT]) {
      if (!existsSync(script))
        throw new Error(`${script} is missing: build first (npx nx run @tenure/gateway:test builds everything it needs)`);
    }
    database = await createTestDatabase(4);
    const identityPort = await freePort();
    identity = NodeProcess.start('identity', IDENTITY_SCRIPT, {
      PORT: String(identityPort),
      HOST: '127.0.0.1',
      DATABASE_URL: database.url,
      LOG_LEVEL: 'info',
      SCIM_TOKENS: `another-feed-token, ${TOKEN}`,
    });
    await identity.waitForLog('listening');
    const gatewayPort = await freePort();
    gateway = NodeProcess.start('gateway', GATEWAY_SCRIPT, {
      IDENTITY_URL: `http://127.0.0.1:${identityPort}/graphql`,
      PORT: String(gatewayPort),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
    });
    await gateway.waitForLog('listening');
    scimBase = `http://127.0.0.1:${gatewayPort}/scim/v2`;
  });

  afterAll(async () => {
    await Promise.all([gateway?.stop(), identity?.stop()]);
    await database?.drop();
  });

  it('refuses a request without the bearer token with a SCIM 401', async () => {
    const response = await fetch(`${scimBase}/Users`);

    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toContain('Bearer');
    expect(await response.json()).toMatchObject({ schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: '401' });
  });

  it('creates a user, finds it by filter, moves its department with PATCH, and makes it a leaver with DELETE', async () => {
    const created = await scim('POST', '/Users', {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User', ENTERPRISE, TENURE],
      ...EMPLOYED_SINCE,
      userName: 'E2E-1',
      externalId: 'hr-e2e-1',
      name: { givenName: 'Margaret', familyName: 'Hamilton' },
      emails: [{ value: 'margaret.hamilton@example.com', type: 'work', primary: true }],
      title: 'Engineer',
      [ENTERPRISE]: { employeeNumber: 'E2E-1', department: 'Apollo', costCenter: 'CC-7' },
    });
    expect(created.status).toBe(201);
    const id = String(created.body['id']);
    // Links point at the gateway's origin, not at the identity service behind it.
    expect(created.headers.get('location')).toBe(`${scimBase}/Users/${id}`);
    expect(created.body).toMatchObject({ userName: 'E2E-1', active: true, meta: { location: `${scimBase}/Users/${id}` } });

    const found = await scim('GET', `/Users?filter=${encodeURIComponent('userName eq "E2E-1" and name.familyName sw "ham"')}`);
    expect(found.status).toBe(200);
    expect(found.body).toMatchObject({ totalResults: 1, Resources: [{ id, externalId: 'hr-e2e-1' }] });

    const patched = await scim(
      'PATCH',
      `/Users/${id}`,
      {
        schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
        Operations: [{ op: 'replace', path: `${ENTERPRISE}:department`, value: 'Mission Control' }],
      },
      { 'if-match': String(created.headers.get('etag')) },
    );
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ [ENTERPRISE]: { department: 'Mission Control' } });
    expect(patched.headers.get('etag')).not.toBe(created.headers.get('etag'));

    const deleted = await scim('DELETE', `/Users/${id}`);
    expect(deleted.status).toBe(204);

    const leaver = await scim('GET', `/Users/${id}`);
    expect(leaver.status).toBe(200);
    expect(leaver.body).toMatchObject({ active: false, [ENTERPRISE]: { department: 'Mission Control' } });
    const leavers = await scim('GET', `/Users?filter=${encodeURIComponent('active eq false')}`);
    expect(leavers.body).toMatchObject({ totalResults: 1, Resources: [{ id }] });
  });

  it('answers a stale If-Match with 412 and a duplicate userName with 409 uniqueness', async () => {
    const created = await scim('POST', '/Users', {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User', TENURE],
      ...EMPLOYED_SINCE,
      userName: 'E2E-2',
      name: { givenName: 'Katherine', familyName: 'Johnson' },
      emails: [{ value: 'katherine.johnson@example.com', type: 'work' }],
    });
    expect(created.status).toBe(201);
    const id = String(created.body['id']);
    const move = (etag: string) =>
      scim(
        'PATCH',
        `/Users/${id}`,
        { schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: [{ op: 'replace', path: 'title', value: 'Lead' }] },
        { 'if-match': etag },
      );
    expect((await move(String(created.headers.get('etag')))).status).toBe(200);

    const stale = await move(String(created.headers.get('etag')));
    expect(stale.status).toBe(412);

    const duplicate = await scim('POST', '/Users', { ...created.body, id: undefined, meta: undefined });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body).toMatchObject({ scimType: 'uniqueness' });
  });

  it('never logs the token', () => {
    const output = [...identity.logs, ...gateway.logs].map((line) => JSON.stringify(line)).join('\n');
    expect(output).not.toContain(TOKEN);
  });
});
