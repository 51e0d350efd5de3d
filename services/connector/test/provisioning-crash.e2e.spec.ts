import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { asDirectoryAdministrator, createGroups, groupMembers, startSlapd, type RunningSlapd } from '@tenure/connector-ldap/testing';
import { createTestCluster, type TestCluster } from '@tenure/connector-postgresql/testing';
import { PostgresEventStore, migrate } from '@tenure/event-store-postgres';
import {
  addAssignment,
  createTestDatabase,
  freePort,
  hire,
  identityIdOf,
  NodeProcess,
  postGraphql,
  waitFor,
  type TestDatabase,
} from '@tenure/testing';

// Crash safety, as an operator would meet it: the connector service runs as its own process from
// its build, provisions a batch to a real PostgreSQL and a real OpenLDAP, and is killed with
// SIGKILL in the middle of the batch. After a restart every account and every grant exists exactly
// once in the targets themselves, and the log records each effect exactly once.
const SERVICE_SCRIPT = join(__dirname, '..', 'dist', 'main.js');
const ADMIN_TOKEN = 'crash-test-admin-token';
const PEOPLE = 60;

describe('provisioning when the connector service is killed mid-batch', () => {
  let database: TestDatabase;
  let store: PostgresEventStore;
  let target: TestCluster;
  let slapd: RunningSlapd;
  let service: NodeProcess | undefined;
  let origin: string;
  const credentialsKey = randomBytes(32).toString('base64');
  const tag = randomBytes(3).toString('hex');
  const employeeNumbers = Array.from({ length: PEOPLE }, (_, index) => `c${tag}${String(index).padStart(3, '0')}`);
  const userNameOf = (employeeNumber: string) => `p${employeeNumber}`;

  async function startService(): Promise<void> {
    const port = await freePort();
    service = NodeProcess.start('connector', SERVICE_SCRIPT, {
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: database.url,
      LOG_LEVEL: 'info',
      ADMIN_TOKENS: ADMIN_TOKEN,
      CONNECTOR_CREDENTIALS_KEY: credentialsKey,
    });
    await service.waitForLog('listening', 30_000);
    origin = `http://127.0.0.1:${port}`;
  }

  async function register(input: Record<string, unknown>): Promise<void> {
    const { errors } = await postGraphql(
      origin,
      'mutation ($input: RegisterApplicationInput!) { registerApplication(input: $input) { id } }',
      { input },
      ADMIN_TOKEN,
    );
    expect(errors).toBeUndefined();
  }

  async function countEvents(type: string): Promise<number> {
    const { rows } = await store.pool.query<{ count: string }>('SELECT count(*) FROM tenure_events WHERE type = $1', [type]);
    return Number(rows[0]!.count);
  }

  beforeAll(async () => {
    if (!existsSync(SERVICE_SCRIPT))
      throw new Error(`${SERVICE_SCRIPT} is missing: build first (npx nx run @tenure/connector-service:build)`);
    database = await createTestDatabase(4);
    await migrate(database.pool);
    store = new PostgresEventStore({ connectionString: database.url, poolSize: 4 });
    target = await createTestCluster();
    slapd = await startSlapd();
    await createGroups(slapd, ['staff']);
    await startService();
    await register({
      id: 'crash-pg',
      name: 'Crash test PostgreSQL',
      connectorType: 'POSTGRESQL',
      settings: target.settings,
      credentials: [{ name: 'pg-password', value: target.password }],
      ownerEmployeeNumber: employeeNumbers[0],
    });
    await register({
      id: 'crash-ldap',
      name: 'Crash test directory',
      connectorType: 'LDAP',
      settings: {
        url: slapd.url,
        bindDn: slapd.rootDn,
        bindPasswordSecret: 'bind',
        usersBase: slapd.usersBase,
        groupsBase: slapd.groupsBase,
      },
      credentials: [{ name: 'bind', value: slapd.rootPassword }],
      ownerEmployeeNumber: employeeNumbers[0],
    });
  }, 120_000);

  afterAll(async () => {
    await service?.stop();
    await store?.close();
    await slapd?.stop();
    await target?.drop();
    await database?.drop();
  });

  it('given a batch in flight, when the service is killed and restarted, then every account and grant exists exactly once', async () => {
    for (const employeeNumber of employeeNumbers) {
      await hire(store, { employeeNumber, department: 'Engineering' });
      const identityId = identityIdOf(employeeNumber);
      await addAssignment(store, {
        assignmentId: `pg-${employeeNumber}`,
        identityId,
        applicationId: 'crash-pg',
        entitlementKey: `${target.groupPrefix}readers`,
      });
      await addAssignment(store, {
        assignmentId: `ldap-${employeeNumber}`,
        identityId,
        applicationId: 'crash-ldap',
        entitlementKey: 'staff',
      });
    }
    const expected = PEOPLE * 2;

    // Killed once a part of the batch is acknowledged and the rest is not: some operations are mid-flight.
    await waitFor(
      'a quarter of the grants acknowledged',
      async () => ((await countEvents('EntitlementGranted')) >= expected / 4 ? true : undefined),
      60_000,
      10,
    );
    const acknowledgedBeforeKill = await countEvents('EntitlementGranted');
    const exit = await service!.stop('SIGKILL');
    expect(exit.signal).toBe('SIGKILL');
    expect(acknowledgedBeforeKill).toBeLessThan(expected);

    await startService();
    await waitFor(
      'every grant acknowledged after the restart',
      async () => ((await countEvents('EntitlementGranted')) >= expected ? true : undefined),
      120_000,
      100,
    );

    // In the PostgreSQL target: one login role per person, each a member of the group once.
    const roles = await target.database.pool.query<{ rolname: string; members: string }>(
      `SELECT r.rolname, (SELECT count(*) FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid
                           WHERE m.member = r.oid AND g.rolname = $2) AS members
         FROM pg_roles r WHERE r.rolname = ANY ($1::text[]) ORDER BY r.rolname`,
      [employeeNumbers.map(userNameOf), `${target.groupPrefix}readers`],
    );
    expect(roles.rows).toEqual(
      employeeNumbers.map((n) => ({ rolname: userNameOf(n), members: '1' })).sort((a, b) => a.rolname.localeCompare(b.rolname)),
    );

    // In the directory: one entry per person, each a member of the group once.
    const entries = await asDirectoryAdministrator(slapd, async (client) => {
      const { searchEntries } = await client.search(slapd.usersBase, {
        scope: 'one',
        filter: '(objectClass=inetOrgPerson)',
        attributes: ['uid'],
      });
      return searchEntries.map((entry) => String(entry['uid']));
    });
    expect(entries.sort()).toEqual(employeeNumbers.map(userNameOf).sort());
    const members = (await groupMembers(slapd, 'staff')).filter((dn) => dn.startsWith('uid='));
    expect(members).toHaveLength(PEOPLE);
    expect(new Set(members).size).toBe(PEOPLE);

    // In the log: one acknowledgement per assignment, one account creation per person and application.
    const perAssignment = await store.pool.query<{ assignment: string; grants: string }>(
      `SELECT data->>'assignmentId' AS assignment, count(*) AS grants FROM tenure_events WHERE type = 'EntitlementGranted' GROUP BY 1`,
    );
    expect(perAssignment.rows).toHaveLength(expected);
    expect(perAssignment.rows.every((row) => row.grants === '1')).toBe(true);
    // An account created just before the kill is found, not created, by the grant's second run: at
    // most one creation is recorded per account, and Tenure knows every account either way.
    const creations = await store.pool.query<{ created: string }>(
      `SELECT count(*) AS created FROM tenure_events WHERE type = 'AccountCreated'
        GROUP BY (data->>'applicationId'), (data->>'identityId')`,
    );
    expect(creations.rows.every((row) => row.created === '1')).toBe(true);
    const knownAccounts = async () =>
      Number(
        (
          await store.pool.query<{ count: string }>(
            `SELECT count(*) FROM connector_accounts WHERE application_id IN ('crash-pg', 'crash-ldap') AND status = 'enabled'`,
          )
        ).rows[0]!.count,
      );
    await waitFor(
      'every account in the accounts read model',
      async () => ((await knownAccounts()) === expected ? true : undefined),
      30_000,
    );
    await expect(countEvents('OperationFailed')).resolves.toBe(0);
  }, 300_000);
});
