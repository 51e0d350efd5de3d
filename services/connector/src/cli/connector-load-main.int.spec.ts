import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { escapeIdentifier } from 'pg';
import { migrate, PostgresEventStore } from '@tenure/event-store-postgres';
import { createTestDatabase, TestClock, type TestDatabase } from '@tenure/testing';
import type { ConnectorRuntime } from '../application/connector-runtime';
import { connectorRuntime, newCredentialsKey } from '../testing/connector-harness';
import { runConnectorLoad } from './connector-load-main';
import { DEMO_ERP } from './demo-erp-database';

const clock = new TestClock(new Date('2026-05-10T08:00:00Z'));
const DEMO_APPLICATIONS = path.join(__dirname, '../../demo/demo-applications.json');
const DEMO_POLICY = path.join(__dirname, '../../../policy/demo/demo-policy.json');
const ERP_ROLES = ['read-only', 'vendor-create', 'payment-approve'];

/** Every (application, entitlement) the demo policy names, wherever it names one: roles, rules, SoD sets, policy scopes. */
function pairsNamedIn(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((item) => pairsNamedIn(item, into));
  else if (value !== null && typeof value === 'object') {
    const { application, entitlement } = value as Record<string, unknown>;
    if (typeof application === 'string' && typeof entitlement === 'string') into.add(`${application}/${entitlement}`);
    Object.values(value).forEach((item) => pairsNamedIn(item, into));
  }
  return into;
}

describe('npm run connector:load (main, in-process)', () => {
  let database: TestDatabase;
  let dir: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    database = await createTestDatabase(2);
    await migrate(database.pool);
    dir = await mkdtemp(path.join(tmpdir(), 'connector-load-'));
    env = { DATABASE_URL: database.url, CONNECTOR_CREDENTIALS_KEY: newCredentialsKey(), TENURE_DATA_DIR: dir, USER: 'ops-admin' };
  });
  afterAll(async () => {
    // The demo ERP's database and roles live beside the test database on the same server: remove them too.
    await database.pool.query(`DROP DATABASE IF EXISTS ${escapeIdentifier(DEMO_ERP.database)} WITH (FORCE)`);
    for (const role of [...ERP_ROLES, DEMO_ERP.connectorRole]) await database.pool.query(`DROP ROLE IF EXISTS ${escapeIdentifier(role)}`);
    await database.drop();
    await rm(dir, { recursive: true, force: true });
  });

  async function cli(...argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runConnectorLoad(argv, env, { out: (line) => out.push(line), err: (line) => err.push(line), clock, cwd: dir });
    return { code, out, err };
  }

  async function eventCount(streamPrefix = ''): Promise<number> {
    const { rows } = await database.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM tenure_events WHERE stream_id LIKE $1`, [
      `${streamPrefix}%`,
    ]);
    return rows[0]!.n;
  }

  async function withRuntime<T>(work: (runtime: ConnectorRuntime) => Promise<T>): Promise<T> {
    const store = new PostgresEventStore({ connectionString: database.url, poolSize: 4 });
    const runtime = connectorRuntime(store, clock, env);
    try {
      await runtime.start();
      await runtime.readModelsCaughtUp();
      return await work(runtime);
    } finally {
      await runtime.stop();
      await store.close();
    }
  }

  async function file(name: string, document: unknown): Promise<string> {
    await writeFile(path.join(dir, name), JSON.stringify(document));
    return name;
  }

  it('given a file with mistakes, when loaded, then it is refused (exit 1) naming each application and field, and nothing is recorded', async () => {
    const broken = {
      applications: [
        { id: 'CRM', name: 'CRM', connectorType: 'simulated', owner: '10003', settings: { application: 'crm' } },
        {
          id: 'erp',
          name: 'ERP',
          connectorType: 'postgresql',
          owner: '10005',
          settings: { host: { env: 'NOT_SET_ANYWHERE' }, database: 'erp', user: 'tenure', managedRoles: ['read-only'] },
          credentials: { password: 'hunter2' },
          catalog: [{ key: 'read-only', risk: 'extreme' }],
        },
        { id: 'chat', name: 'Chat', connectorType: 'simulated', owner: '10047', settings: { latencyMs: 20 } },
      ],
    };
    const structure = await cli(await file('broken.json', broken));
    expect(structure.code).toBe(1);
    expect(structure.err[0]).toBe('refused: broken.json is not a valid applications file:');
    expect(structure.err).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^ {2}applications\[0\] "CRM": id: use 1 to 64 lower-case letters/),
        expect.stringMatching(/^ {2}applications\[1\] "erp": credentials\.password: give \{"env": "VARIABLE"\}/),
        expect.stringMatching(/^ {2}applications\[1\] "erp": catalog\[0\]\.risk: /),
      ]),
    );
    expect(structure.err.join('\n')).not.toContain('hunter2');

    const { applications } = broken;
    const fixedStructure = {
      applications: [
        { ...applications[0], id: 'crm' },
        { ...applications[1], credentials: { password: { env: 'NOT_SET_EITHER' } }, catalog: [] },
        applications[2],
      ],
    };
    const settings = await cli(await file('unresolved.json', fixedStructure));
    expect(settings).toMatchObject({
      code: 1,
      err: ['refused: unresolved.json cannot be loaded:', expect.any(String), expect.any(String), expect.any(String)],
    });
    expect(settings.err.slice(1)).toEqual(
      expect.arrayContaining([
        '  applications[1] "erp": settings.host: environment variable NOT_SET_ANYWHERE is not set',
        '  applications[1] "erp": credentials.password: environment variable NOT_SET_EITHER is not set',
        expect.stringMatching(/^ {2}applications\[2\] "chat": settings\.application: /),
      ]),
    );
    await expect(eventCount()).resolves.toBe(0);
    expect((await cli('nowhere.json')).err).toEqual([expect.stringMatching(/cannot read .*nowhere\.json: ENOENT/)]);
  });

  it('given the demo file, when loaded as the launcher does, then every application and entitlement the demo policy names is in the catalog', async () => {
    const loaded = await cli(DEMO_APPLICATIONS, '--if-empty', '--demo', '--one-line');

    expect(loaded).toEqual({
      code: 0,
      err: [],
      out: [
        '8 applications from demo-applications.json: 8 registered (6 simulated, 1 postgresql, 1 manual); 17 entitlements discovered, 17 annotated',
      ],
    });
    const policy: unknown = JSON.parse(await readFile(DEMO_POLICY, 'utf8'));
    await withRuntime(async (runtime) => {
      const catalog = await runtime.queries.entitlements({ first: 500 });
      const keys = catalog.entitlements.map(({ entitlement }) => `${entitlement.applicationId}/${entitlement.key}`);
      expect(keys).toEqual(expect.arrayContaining([...pairsNamedIn(policy)]));
      expect([...pairsNamedIn(policy)]).toHaveLength(13);

      const applications = await runtime.queries.applications();
      expect(
        applications.map((application) => [application.applicationId, application.connectorType, application.ownerEmployeeNumber]),
      ).toEqual(
        expect.arrayContaining([
          ['erp', 'postgresql', '10005'],
          ['payroll-legacy', 'manual', '10037'],
          ['slack', 'simulated', '10047'],
        ]),
      );
      expect(applications.find((application) => application.applicationId === 'erp')).toMatchObject({
        credentialNames: ['password'],
        missingCredentialNames: [],
        licenseCost: { amountPerMonth: 95, currency: 'EUR' },
      });
      // What an account costs per month, for the licenses a leaver or a review frees; the AWS consoles have no seat price.
      expect(applications.find((application) => application.applicationId === 'aws-production')).toMatchObject({ licenseCost: null });
      await expect(runtime.queries.entitlement('erp', 'payment-approve')).resolves.toMatchObject({
        kind: 'group role',
        displayName: 'ERP: payment approval',
        ownerEmployeeNumber: '10005',
        risk: 'critical',
        licenseCost: 60,
        requestable: true,
      });
      // A manual application's catalog comes from its settings, annotated like any other.
      await expect(runtime.queries.entitlement('payroll-legacy', 'payroll-clerk')).resolves.toMatchObject({
        ownerEmployeeNumber: '10037',
        risk: 'high',
        requestable: false,
      });
      // The running service opens the sealed password and reaches the demo database with it.
      await expect(runtime.catalog.testConnection('erp')).resolves.toEqual({ ok: true });
    });
  });

  it('given the demo file loaded, then the erp catalog came from the demo database’s group roles, and its password only from .tenure', async () => {
    const { rows: discovered } = await database.pool.query<{ key: string; kind: string; target_description: string }>(
      `SELECT key, kind, target_description FROM connector_entitlements WHERE application_id = 'erp' ORDER BY key`,
    );
    const { rows: roles } = await database.pool.query<{ key: string; comment: string; admin: boolean }>(
      `SELECT g.rolname AS key, shobj_description(g.oid, 'pg_authid') AS comment, m.admin_option AS admin
         FROM pg_roles g JOIN pg_auth_members m ON m.roleid = g.oid JOIN pg_roles c ON c.oid = m.member
        WHERE c.rolname = $1 ORDER BY g.rolname`,
      [DEMO_ERP.connectorRole],
    );
    expect(roles.map((role) => role.key)).toEqual([...ERP_ROLES].sort());
    expect(roles.every((role) => role.admin)).toBe(true);
    expect(discovered).toEqual(roles.map((role) => ({ key: role.key, kind: 'group role', target_description: role.comment })));
    const { rows: databases } = await database.pool.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [DEMO_ERP.database]);
    expect(databases).toHaveLength(1);

    const passwordFile = path.join(dir, DEMO_ERP.passwordFile);
    expect((await stat(passwordFile)).mode & 0o777).toBe(0o600);
    const { password } = JSON.parse(await readFile(passwordFile, 'utf8')) as { password: string };
    const { rows: leaks } = await database.pool.query(`SELECT 1 FROM tenure_events WHERE data::text LIKE '%' || $1 || '%'`, [password]);
    expect(leaks).toHaveLength(0);
  });

  it('given the demo applications, when loaded again with --if-empty, then nothing is recorded', async () => {
    const before = await eventCount();

    const again = await cli(DEMO_APPLICATIONS, '--if-empty', '--demo', '--one-line');

    expect(again).toEqual({ code: 0, err: [], out: ['skipped: 8 applications are already registered'] });
    // Skipping needs nothing the file refers to: without --demo, the ERP's variables are not even set.
    expect((await cli(DEMO_APPLICATIONS, '--if-empty')).out).toEqual(['skipped: 8 applications are already registered']);
    await expect(eventCount()).resolves.toBe(before);
  });

  it('given the demo applications, when the file is loaded again without --if-empty, then each is unchanged and nothing is recorded', async () => {
    const before = await eventCount();

    const again = await cli(DEMO_APPLICATIONS, '--demo');

    expect(again.code).toBe(0);
    expect(again.out).toEqual(
      expect.arrayContaining([
        'unchanged erp (postgresql): 3 entitlements listed (0 new), 3 annotated',
        'unchanged payroll-legacy (manual): 1 entitlement listed (0 new), 1 annotated',
      ]),
    );
    expect(again.out.at(-1)).toBe(
      '8 applications from demo-applications.json: 8 unchanged (6 simulated, 1 postgresql, 1 manual); 0 entitlements discovered, 17 annotated',
    );
    await expect(eventCount()).resolves.toBe(before);
  });

  it('given a target that does not answer, when loaded, then exit 2 names it and nothing is recorded', async () => {
    const before = await eventCount();
    const unreachable = {
      applications: [
        { id: 'chat', name: 'Chat (simulated)', connectorType: 'simulated', owner: '10047', settings: { application: 'chat' } },
        {
          id: 'warehouse',
          name: 'Warehouse',
          connectorType: 'postgresql',
          owner: '10005',
          settings: {
            host: '127.0.0.1',
            port: 1,
            database: 'warehouse',
            user: 'tenure',
            managedRoles: ['wh_reader'],
            connectTimeoutMs: 2000,
          },
        },
      ],
    };

    const result = await cli(await file('unreachable.json', unreachable));

    expect(result.code).toBe(2);
    expect(result.err).toEqual([
      'nothing loaded from unreachable.json: a target does not answer:',
      expect.stringMatching(/^ {2}applications\[1\] "warehouse": the target did not answer: unavailable: /),
    ]);
    await expect(eventCount()).resolves.toBe(before);
  });

  it('given an annotation of an entitlement the target does not list, when loaded, then exit 1 names the application and key, and the rest is loaded', async () => {
    const typo = {
      applications: [
        {
          id: 'chat',
          name: 'Chat (simulated)',
          connectorType: 'simulated',
          owner: '10047',
          settings: { application: 'chat', entitlements: [{ key: 'member', displayName: 'Member' }] },
          catalog: [
            { key: 'membr', risk: 'low' },
            { key: 'member', risk: 'low', owner: '10047' },
          ],
        },
      ],
    };

    const result = await cli(await file('typo.json', typo));

    expect(result.code).toBe(1);
    expect(result.err).toEqual([
      '  applications[0] "chat": catalog[0].key: "membr" is not in the catalog discovered from the target (it lists member)',
    ]);
    expect(result.out).toEqual([
      'registered chat (simulated): 1 entitlement listed (1 new), 1 annotated',
      expect.stringMatching(
        /^1 application from typo\.json: 1 registered \(1 simulated\); 1 entitlement discovered, 1 annotated; 1 problem: /,
      ),
    ]);
    await withRuntime(async (runtime) => {
      await expect(runtime.queries.entitlement('chat', 'member')).resolves.toMatchObject({ risk: 'low', ownerEmployeeNumber: '10047' });
    });
  });

  it('given a registered application, when its license cost is added, changed, left out, then removed, then each change is recorded once and only then', async () => {
    const wiki = (licenseCost?: { amountPerMonth: number; currency: string } | null) => ({
      applications: [
        {
          id: 'wiki',
          name: 'Wiki (simulated)',
          connectorType: 'simulated',
          owner: '10047',
          settings: { application: 'wiki', entitlements: [{ key: 'editor', displayName: 'Editor' }] },
          ...(licenseCost === undefined ? {} : { licenseCost }),
        },
      ],
    });
    const costOfWiki = () => withRuntime(async (runtime) => (await runtime.queries.application('wiki'))?.licenseCost ?? null);
    const costEvents = async () => {
      const { rows } = await database.pool.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM tenure_events WHERE stream_id = 'application-wiki' AND type = 'ApplicationLicenseCostSet'`,
      );
      return rows[0]!.n;
    };

    expect((await cli(await file('wiki-1.json', wiki({ amountPerMonth: 6, currency: 'EUR' })))).code).toBe(0);
    await expect(costOfWiki()).resolves.toEqual({ amountPerMonth: 6, currency: 'EUR' });
    expect((await cli(await file('wiki-2.json', wiki({ amountPerMonth: 7.5, currency: 'EUR' })))).out[0]).toMatch(/^updated wiki/);
    expect((await cli(await file('wiki-3.json', wiki()))).out[0]).toMatch(/^unchanged wiki/);
    await expect(costOfWiki()).resolves.toEqual({ amountPerMonth: 7.5, currency: 'EUR' });
    expect((await cli(await file('wiki-4.json', wiki(null)))).out[0]).toMatch(/^updated wiki/);
    await expect(costOfWiki()).resolves.toBeNull();
    await expect(costEvents()).resolves.toBe(3);
  });
});
