import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { rebuildProjection } from '@tenure/event-store-postgres';
import {
  ADMIN,
  connectorRuntime,
  newCredentialsKey,
  startConnectorHarness,
  TestClock,
  type ConnectorHarness,
} from '../testing/connector-harness';
import { CONNECTOR_PROJECTIONS } from './connector-runtime';

const SECRET = 'correct-horse-battery-staple-7f3a';

/** A SCIM server stand-in that refuses everyone and remembers the Authorization headers it was sent. */
async function refusingScimServer(): Promise<{ url: string; authorizations: string[]; server: Server }> {
  const authorizations: string[] = [];
  const server = createServer((request, response) => {
    authorizations.push(request.headers.authorization ?? '');
    response.writeHead(401, { 'content-type': 'application/scim+json' });
    response.end(JSON.stringify({ schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: '401', detail: 'bad token' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/scim/v2`, authorizations, server };
}

const scimApplication = (applicationId: string, baseUrl: string) => ({
  applicationId,
  name: 'CRM',
  connectorType: 'scim',
  settings: { baseUrl, auth: { type: 'bearer', tokenSecret: 'api-token' }, maxRetries: 0 },
  credentials: { 'api-token': SECRET },
  ownerEmployeeNumber: '10005',
  enabled: true,
});

const simulatedApplication = (applicationId: string, application: string, keys: readonly string[]) => ({
  applicationId,
  name: `Simulated ${application}`,
  connectorType: 'simulated',
  settings: { application, entitlements: keys.map((key) => ({ key, displayName: `${key} group`, description: `Members of ${key}` })) },
  credentials: {},
  ownerEmployeeNumber: '10005',
  enabled: true,
});

describe('applications and their catalog on PostgreSQL', () => {
  const clock = new TestClock(new Date('2026-05-10T08:00:00Z'));
  let harness: ConnectorHarness;
  let scim: Awaited<ReturnType<typeof refusingScimServer>>;

  beforeAll(async () => {
    harness = await startConnectorHarness(clock);
    scim = await refusingScimServer();
  });
  afterAll(async () => {
    await harness?.stop();
    await new Promise((resolve) => scim?.server.close(resolve));
  });

  it('given an application registered with a secret, then no event and no read model row holds the secret, only its name and ciphertext', async () => {
    await harness.runtime.applications.register(scimApplication('crm', scim.url), ADMIN);
    await harness.runtime.readModelsCaughtUp();

    const events = await harness.database.pool.query<{ type: string; data: unknown; metadata: unknown }>(
      "SELECT type, data, metadata FROM tenure_events WHERE stream_id = 'application-crm'",
    );
    const raw = JSON.stringify(events.rows);
    expect(raw).not.toContain(SECRET);
    expect(raw).not.toContain(Buffer.from(SECRET).toString('base64'));
    expect(events.rows[0]?.data).toMatchObject({
      credentialNames: ['api-token'],
      sealedCredentials: { algorithm: 'aes-256-gcm', keyId: expect.any(String), iv: expect.any(String), tag: expect.any(String) },
    });
    const rows = await harness.database.pool.query('SELECT * FROM connector_applications');
    expect(JSON.stringify(rows.rows)).not.toContain(SECRET);
    await expect(harness.runtime.queries.application('crm')).resolves.toMatchObject({
      credentialNames: ['api-token'],
      credentialsSetAt: new Date('2026-05-10T08:00:00Z'),
      missingCredentialNames: [],
      paused: null,
    });
  });

  it('given the sealed secret, when the connection is tested, then the connector is given the plaintext, and the refusal it reports does not carry it', async () => {
    const result = await harness.runtime.catalog.testConnection('crm');

    expect(scim.authorizations.at(-1)).toBe(`Bearer ${SECRET}`);
    expect(result).toMatchObject({ ok: false, errorKind: 'auth', retryable: false });
    expect(JSON.stringify(result)).not.toContain(SECRET);
  });

  it('given settings that do not fit the connector type, when registered or configured, then they are refused naming the setting', async () => {
    await expect(
      harness.runtime.applications.register({ ...scimApplication('crm-2', scim.url), settings: { baseUrl: 'not a url' } }, ADMIN),
    ).rejects.toMatchObject({
      code: 'validation',
      details: { field: 'settings', problems: expect.arrayContaining([expect.stringMatching(/^baseUrl: /)]) },
    });
    await expect(harness.runtime.applications.configure('crm', { baseUrl: 'ftp://x' }, ADMIN)).rejects.toMatchObject({
      code: 'validation',
    });
    await expect(harness.runtime.applications.configure('nope', {}, ADMIN)).rejects.toMatchObject({ code: 'not_found' });
    await expect(
      harness.runtime.applications.register({ ...scimApplication('crm-3', scim.url), connectorType: 'sap' }, ADMIN),
    ).rejects.toMatchObject({ code: 'validation', details: { field: 'connectorType' } });
  });

  it('given an application whose settings name a secret that is not set, then it shows as missing until credentials are set', async () => {
    await harness.runtime.applications.register({ ...scimApplication('crm-4', scim.url), credentials: {} }, ADMIN);
    await harness.runtime.readModelsCaughtUp();
    await expect(harness.runtime.queries.application('crm-4')).resolves.toMatchObject({
      credentialNames: [],
      missingCredentialNames: ['api-token'],
    });

    await harness.runtime.applications.setCredentials('crm-4', { 'api-token': 'another-secret-value' }, ADMIN);
    await harness.runtime.readModelsCaughtUp();
    await expect(harness.runtime.queries.application('crm-4')).resolves.toMatchObject({
      credentialNames: ['api-token'],
      missingCredentialNames: [],
    });
  });

  it('given a paused application, when paused again, then the first reason stands; resumed, it is enabled', async () => {
    await harness.runtime.applications.pause('crm', 'vendor maintenance', ADMIN);
    await harness.runtime.applications.pause('crm', 'another reason', ADMIN);
    await harness.runtime.readModelsCaughtUp();
    await expect(harness.runtime.queries.application('crm')).resolves.toMatchObject({ paused: { reason: 'vendor maintenance' } });

    await harness.runtime.applications.resume('crm', 'maintenance over', ADMIN);
    await harness.runtime.applications.changeOwner('crm', '10039', ADMIN);
    await harness.runtime.readModelsCaughtUp();
    await expect(harness.runtime.queries.application('crm')).resolves.toMatchObject({ paused: null, ownerEmployeeNumber: '10039' });
  });

  it('given a simulated target, when discovered twice, then its entitlements are recorded once; when some are gone, they vanish', async () => {
    const target = `crm-${Date.now()}`;
    await harness.runtime.applications.register(simulatedApplication('sim', target, ['admins', 'readers', 'sales']), ADMIN);

    await expect(harness.runtime.catalog.testConnection('sim')).resolves.toEqual({ ok: true });
    await expect(harness.runtime.catalog.discoverEntitlements('sim', ADMIN)).resolves.toEqual({
      applicationId: 'sim',
      listed: 3,
      discovered: 3,
      vanished: 0,
    });
    await expect(harness.runtime.catalog.discoverEntitlements('sim', ADMIN)).resolves.toMatchObject({ discovered: 0, vanished: 0 });
    const catalogEvents = await harness.store.readStream('catalog-sim');
    expect(catalogEvents).toHaveLength(3);

    // Another simulated tenant that offers fewer: from the catalog's point of view, two groups went away.
    await harness.runtime.applications.configure('sim', simulatedApplication('sim', `${target}-v2`, ['admins']).settings, ADMIN);
    await expect(harness.runtime.catalog.discoverEntitlements('sim', ADMIN)).resolves.toMatchObject({
      listed: 1,
      discovered: 0,
      vanished: 2,
    });
    await harness.runtime.readModelsCaughtUp();

    const present = await harness.runtime.queries.entitlements({ applicationId: 'sim', first: 10 });
    expect(present.entitlements.map(({ entitlement }) => entitlement.key)).toEqual(['admins']);
    const all = await harness.runtime.queries.entitlements({ applicationId: 'sim', first: 10, includeVanished: true });
    expect(all.entitlements.map(({ entitlement }) => [entitlement.key, entitlement.present])).toEqual([
      ['admins', true],
      ['readers', false],
      ['sales', false],
    ]);
  });

  it('given a discovered entitlement, when annotated, then the catalog shows the administrators’ words, and a search and pages find it', async () => {
    await harness.runtime.catalog.annotateEntitlement(
      'sim',
      'admins',
      { displayName: 'CRM administrators', risk: 'critical', licenseCost: 42.5, requestable: true, ownerEmployeeNumber: '10005' },
      ADMIN,
    );
    await expect(harness.runtime.catalog.annotateEntitlement('sim', 'readers', { risk: 'low' }, ADMIN)).rejects.toMatchObject({
      code: 'illegal_state',
    });
    await harness.runtime.readModelsCaughtUp();

    const found = await harness.runtime.queries.entitlements({ search: 'ADMINISTRATORS', first: 10 });
    expect(found.entitlements.map(({ entitlement }) => entitlement)).toEqual([
      expect.objectContaining({
        applicationId: 'sim',
        key: 'admins',
        displayName: 'CRM administrators',
        description: 'Members of admins',
        risk: 'critical',
        licenseCost: 42.5,
        licenseCurrency: 'EUR',
        requestable: true,
      }),
    ]);
    await expect(harness.runtime.queries.entitlements({ search: '100%', first: 10 })).resolves.toMatchObject({ entitlements: [] });

    const first = await harness.runtime.queries.entitlements({ applicationId: 'sim', includeVanished: true, first: 2 });
    expect(first.hasNextPage).toBe(true);
    const next = await harness.runtime.queries.entitlements({
      applicationId: 'sim',
      includeVanished: true,
      first: 2,
      after: first.entitlements.at(-1)!.cursor,
    });
    expect(next.entitlements.map(({ entitlement }) => entitlement.key)).toEqual(['sales']);
    expect(next.hasNextPage).toBe(false);
  });

  it('given a PostgreSQL target reached with a sealed password, when tested and discovered, then its managed group roles are the catalog', async () => {
    const url = new URL(harness.database.url);
    await harness.database.pool.query('CREATE ROLE app_finance_readers NOLOGIN');
    const settings = {
      host: url.hostname,
      port: Number(url.port),
      database: url.pathname.slice(1),
      user: decodeURIComponent(url.username),
      passwordSecret: 'db-password',
      managedRolePrefix: 'app_finance_',
    };
    await expect(
      harness.runtime.applications.register(
        {
          ...simulatedApplication('finance-db', 'x', []),
          connectorType: 'postgresql',
          settings: { connectionString: harness.database.url, managedRolePrefix: 'app_' },
        },
        ADMIN,
      ),
    ).rejects.toMatchObject({ code: 'validation', message: expect.stringContaining('must not contain a password') });
    await harness.runtime.applications.register(
      {
        ...simulatedApplication('finance-db', 'x', []),
        connectorType: 'postgresql',
        settings,
        credentials: { 'db-password': decodeURIComponent(url.password) },
      },
      ADMIN,
    );

    await expect(harness.runtime.catalog.testConnection('finance-db')).resolves.toEqual({ ok: true });
    await expect(harness.runtime.catalog.discoverEntitlements('finance-db', ADMIN)).resolves.toMatchObject({ listed: 1, discovered: 1 });
    const events = await harness.database.pool.query("SELECT data FROM tenure_events WHERE stream_id = 'application-finance-db'");
    expect(JSON.stringify(events.rows)).not.toContain(decodeURIComponent(url.password));
  });

  it('given a manual application whose settings list entitlements, when discovered, then they are its catalog and can be annotated', async () => {
    await harness.runtime.applications.register(
      {
        applicationId: 'badge-system',
        name: 'Badges',
        connectorType: 'manual',
        settings: {
          entitlements: [
            { key: 'visitor', displayName: 'Visitor badge' },
            { key: 'server-room', displayName: 'Server room', description: 'Opens the server room.', kind: 'door' },
          ],
        },
        credentials: {},
        ownerEmployeeNumber: '1',
        enabled: true,
      },
      ADMIN,
    );

    await expect(harness.runtime.catalog.discoverEntitlements('badge-system', ADMIN)).resolves.toEqual({
      applicationId: 'badge-system',
      listed: 2,
      discovered: 2,
      vanished: 0,
    });
    await harness.runtime.catalog.annotateEntitlement('badge-system', 'server-room', { risk: 'high', requestable: false }, ADMIN);
    await harness.runtime.readModelsCaughtUp();

    const catalog = await harness.runtime.queries.entitlements({ applicationId: 'badge-system', first: 10 });
    expect(catalog.entitlements.map(({ entitlement }) => entitlement)).toEqual([
      expect.objectContaining({
        key: 'server-room',
        displayName: 'Server room',
        description: 'Opens the server room.',
        kind: 'door',
        risk: 'high',
      }),
      expect.objectContaining({ key: 'visitor', displayName: 'Visitor badge', description: null, kind: 'group' }),
    ]);
  });

  it('given a manual application with a catalog, when an entitlement is removed from its settings and discovered again, then it vanishes', async () => {
    await harness.runtime.applications.configure(
      'badge-system',
      { entitlements: [{ key: 'visitor', displayName: 'Visitor badge' }] },
      ADMIN,
    );

    await expect(harness.runtime.catalog.discoverEntitlements('badge-system', ADMIN)).resolves.toEqual({
      applicationId: 'badge-system',
      listed: 1,
      discovered: 0,
      vanished: 1,
    });
    await harness.runtime.readModelsCaughtUp();
    const catalog = await harness.runtime.queries.entitlements({ applicationId: 'badge-system', first: 10 });
    expect(catalog.entitlements.map(({ entitlement }) => entitlement.key)).toEqual(['visitor']);
  });

  it('given a manual application, when its settings list an entitlement without a key or an unknown field, then they are refused naming it', async () => {
    const manual = (entitlements: unknown[]) => ({
      applicationId: 'bad-manual',
      name: 'Bad',
      connectorType: 'manual',
      settings: { entitlements },
      credentials: {},
      ownerEmployeeNumber: '1',
      enabled: true,
    });
    await expect(harness.runtime.applications.register(manual([{ key: ' ', displayName: 'Blank' }]), ADMIN)).rejects.toMatchObject({
      code: 'validation',
    });
    await expect(
      harness.runtime.applications.register(manual([{ key: 'x', displayName: 'X', owner: '10041' }]), ADMIN),
    ).rejects.toMatchObject({ code: 'validation' });
  });

  it('given a target that cannot be reached, when discovered, then it is a failed precondition naming the error kind', async () => {
    await harness.runtime.applications.register(scimApplication('unreachable', 'http://127.0.0.1:9/scim/v2'), ADMIN);
    await expect(harness.runtime.catalog.discoverEntitlements('unreachable', ADMIN)).rejects.toMatchObject({
      code: 'illegal_state',
      details: { connectorError: 'unavailable', retryable: true },
    });
  });

  it('given every read model filled, when each is rebuilt from position 0, then each holds exactly what it held', async () => {
    const snapshot = async () => ({
      applications: (await harness.database.pool.query('SELECT * FROM connector_applications ORDER BY 1')).rows,
      entitlements: (await harness.database.pool.query('SELECT * FROM connector_entitlements ORDER BY 1, 2')).rows,
    });
    await harness.runtime.readModelsCaughtUp();
    const before = await snapshot();
    expect(before.entitlements).toHaveLength(6);

    await harness.runtime.stop();
    for (const projection of CONNECTOR_PROJECTIONS) await rebuildProjection(harness.store.pool, harness.store.wakeups, projection);
    expect(await snapshot()).toEqual(before);
    await harness.runtime.start();
  });
});

describe('credentials without a key', () => {
  let harness: ConnectorHarness;

  beforeAll(async () => {
    harness = await startConnectorHarness(new TestClock(new Date('2026-05-10T08:00:00Z')), {});
  });
  afterAll(() => harness?.stop());

  it('given no CONNECTOR_CREDENTIALS_KEY, when credentials are given, then it is refused naming the variable; without credentials nothing needs it', async () => {
    await expect(
      harness.runtime.applications.register(
        {
          ...simulatedApplication('sim', 'x', []),
          connectorType: 'scim',
          settings: { baseUrl: 'https://x.example/scim', auth: { type: 'bearer', tokenSecret: 't' } },
          credentials: { t: SECRET },
        },
        ADMIN,
      ),
    ).rejects.toMatchObject({ code: 'illegal_state', message: expect.stringContaining('CONNECTOR_CREDENTIALS_KEY is not set') });
    await expect(
      harness.runtime.applications.register(simulatedApplication('sim', `no-key-${Date.now()}`, ['a']), ADMIN),
    ).resolves.toBeUndefined();
  });

  it('given an invalid CONNECTOR_CREDENTIALS_KEY, then using credentials is refused naming the variable', async () => {
    const other = await startConnectorHarness(new TestClock(new Date()), { CONNECTOR_CREDENTIALS_KEY: 'too-short' });
    try {
      await expect(
        other.runtime.applications.register({ ...scimApplication('crm', 'https://x.example/scim') }, ADMIN),
      ).rejects.toMatchObject({ code: 'illegal_state', message: expect.stringContaining('CONNECTOR_CREDENTIALS_KEY is not valid') });
    } finally {
      await other.stop();
    }
  });

  it('given credentials sealed with another key, when used, then they cannot be opened and the message says what to do', async () => {
    const first = await startConnectorHarness(new TestClock(new Date()), { CONNECTOR_CREDENTIALS_KEY: newCredentialsKey() });
    try {
      await first.runtime.applications.register(scimApplication('crm', 'https://x.example/scim'), ADMIN);
      const rotated = connectorRuntime(first.store, new TestClock(new Date()), { CONNECTOR_CREDENTIALS_KEY: newCredentialsKey() });
      await expect(rotated.catalog.testConnection('crm')).rejects.toMatchObject({
        code: 'illegal_state',
        message: expect.stringContaining('was CONNECTOR_CREDENTIALS_KEY changed?'),
      });
    } finally {
      await first.stop();
    }
  });
});
