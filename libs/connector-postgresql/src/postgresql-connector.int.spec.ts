import { escapeIdentifier as id } from 'pg';
import { collectAll, contractAccountSpec, expectConnectorError } from '@tenure/connector-contract';
import { createPostgresqlConnector } from './create-postgresql-connector';
import type { PostgresqlConnector } from './postgresql-connector';
import { createTestCluster, type TestCluster } from './testing/test-cluster';

describe('PostgreSQL connector, beyond the contract', () => {
  let cluster: TestCluster;
  let connector: PostgresqlConnector;
  let users = 0;
  const nextUser = () => `cx${cluster.tag}u${(users += 1)}`;
  const grantsOf = async (userName: string) =>
    (await collectAll(connector.listGrants.bind(connector), 100)).filter((grant) => grant.userName === userName);

  beforeAll(async () => {
    cluster = await createTestCluster();
    connector = cluster.connector();
  });
  afterAll(async () => {
    await connector?.close();
    await cluster?.drop();
  });

  it('given a connection string without a password and the password as a credential, when connecting, then it signs in with the credential', async () => {
    const { host, port, database, user, managedRolePrefix } = cluster.settings;
    const byUrl = createPostgresqlConnector(
      { connectionString: `postgres://${user}@${host}:${port}/${database}`, passwordSecret: 'pg-password', managedRolePrefix, poolSize: 1 },
      { 'pg-password': cluster.password },
    );
    try {
      await expect(byUrl.testConnection()).resolves.toBeUndefined();
    } finally {
      await byUrl.close();
    }
  });

  it('given an account that owns a table, when deleting it with the default setting, then it is refused as a conflict that names the table', async () => {
    const userName = nextUser();
    await connector.createAccount(contractAccountSpec(userName));
    await cluster.superuser(`CREATE TABLE owned_by_${cluster.tag} (n int)`);
    await cluster.superuser(`ALTER TABLE owned_by_${cluster.tag} OWNER TO ${id(userName)}`);

    const error = await expectConnectorError(connector.deleteAccount(userName), 'conflict');

    expect(error.message).toMatch(new RegExp(`owner of table owned_by_${cluster.tag}`));
    expect(error.message).toMatch(/ownedObjectsOnDelete/);
    expect(await connector.getAccount(userName)).toMatchObject({ userName });
  });

  it('given an account that owns a table, when deleting it with ownership reassigned, then the role is gone and the table belongs to the heir', async () => {
    const userName = nextUser();
    await connector.createAccount(contractAccountSpec(userName));
    const table = `heir_${cluster.tag}`;
    await cluster.superuser(`CREATE TABLE ${table} (n int)`);
    await cluster.superuser(`ALTER TABLE ${table} OWNER TO ${id(userName)}`);
    const reassigning = cluster.connector({ ownedObjectsOnDelete: { action: 'reassign', to: cluster.adminRole } });

    try {
      await reassigning.deleteAccount(userName);
    } finally {
      await reassigning.close();
    }

    expect(await connector.getAccount(userName)).toBeNull();
    const { rows } = await cluster.database.pool.query(`SELECT tableowner FROM pg_tables WHERE tablename = $1`, [table]);
    expect(rows).toEqual([{ tableowner: cluster.adminRole }]);
  });

  it('given a membership another administrator granted, when revoking it, then the connector revokes it in that grantor name', async () => {
    const userName = nextUser();
    const [group] = cluster.groups;
    const otherAdmin = `cx${cluster.tag}otheradmin`;
    await connector.createAccount(contractAccountSpec(userName));
    await cluster.superuser(`CREATE ROLE ${id(otherAdmin)} NOLOGIN`);
    await cluster.superuser(`GRANT ${id(group)} TO ${id(otherAdmin)} WITH ADMIN OPTION`);
    await cluster.superuser(`GRANT ${id(otherAdmin)} TO ${id(cluster.adminRole)}`);
    await cluster.superuser(`GRANT ${id(group)} TO ${id(userName)} GRANTED BY ${id(otherAdmin)}`);
    expect(await grantsOf(userName)).toEqual([{ userName, entitlementKey: group }]);

    await connector.revoke(userName, group);

    expect(await grantsOf(userName)).toEqual([]);
  });

  it('given a membership a superuser granted, when revoking it, then it fails as auth naming the grantor and the membership stays', async () => {
    const userName = nextUser();
    const [, group] = cluster.groups;
    await connector.createAccount(contractAccountSpec(userName));
    await cluster.superuser(`GRANT ${id(group)} TO ${id(userName)}`);

    const error = await expectConnectorError(connector.revoke(userName, group), 'auth');

    expect(error.message).toMatch(/was granted by \S+, whose grants this connector's role may not revoke/);
    expect(await grantsOf(userName)).toEqual([{ userName, entitlementKey: group }]);
  });

  it('given a disabled account and group roles, when listing accounts, then the disabled account is listed and neither group roles nor the connector role are', async () => {
    const userName = nextUser();
    await connector.createAccount(contractAccountSpec(userName));
    await connector.disableAccount(userName);

    const names = (await collectAll(connector.listAccounts.bind(connector), 100)).map((account) => account.userName);

    expect(names).toContain(userName);
    expect(names).not.toContain(cluster.adminRole);
    for (const group of cluster.groups) expect(names).not.toContain(group);
    expect(names.filter((name) => name.startsWith('pg_'))).toEqual([]);
  });

  it('given names that are entitlements or roles Tenure did not create, when used as accounts, then they are refused and left alone', async () => {
    const [group] = cluster.groups;
    const handMade = `cx${cluster.tag}handmade`;
    await cluster.superuser(`CREATE ROLE ${id(handMade)} NOLOGIN`);

    expect(await connector.getAccount(group)).toBeNull();
    await expectConnectorError(connector.createAccount(contractAccountSpec(group)), 'conflict');
    await expectConnectorError(connector.createAccount(contractAccountSpec(handMade)), 'conflict');
    await expectConnectorError(connector.disableAccount(handMade), 'not-found');
    await connector.deleteAccount(nextUser());
    await expectConnectorError(connector.deleteAccount(handMade), 'conflict');
  });

  it('given a user name that would need quoting tricks, when creating it, then it is refused as invalid before any SQL runs', async () => {
    for (const userName of ['bad"name', "o'brien; DROP ROLE x", 'pg_sneaky', 'a'.repeat(64), '']) {
      await expectConnectorError(connector.createAccount(contractAccountSpec(userName)), 'invalid');
    }
  });

  it('given a role the account change waits for, when the statement timeout passes, then the call fails as a retryable timeout', async () => {
    const userName = nextUser();
    await connector.createAccount(contractAccountSpec(userName));
    const impatient = cluster.connector({ statementTimeoutMs: 200 });
    const blocker = await cluster.database.pool.connect();
    try {
      await blocker.query('BEGIN');
      await blocker.query(`ALTER ROLE ${id(userName)} NOLOGIN`);

      const error = await expectConnectorError(impatient.disableAccount(userName), 'timeout');

      expect(error.retryable).toBe(true);
    } finally {
      await blocker.query('ROLLBACK');
      blocker.release();
      await impatient.close();
    }
  });

  it('given a role without CREATEROLE, when testing the connection, then it fails as auth', async () => {
    const weak = `cx${cluster.tag}weak`;
    await cluster.superuser(`CREATE ROLE ${id(weak)} LOGIN PASSWORD 'weak-password'`);
    const weakConnector = cluster.connector({ user: weak }, 'weak-password');
    try {
      const error = await expectConnectorError(weakConnector.testConnection(), 'auth');
      expect(error.message).toMatch(/lacks CREATEROLE/);
    } finally {
      await weakConnector.close();
    }
  });

  it('given a server nobody listens on, when testing the connection, then it fails as retryable unavailable', async () => {
    const nowhere = createPostgresqlConnector({
      connectionString: 'postgres://nobody@127.0.0.1:1/none',
      managedRolePrefix: 'app_',
      connectTimeoutMs: 2000,
    });
    try {
      const error = await expectConnectorError(nowhere.testConnection(), 'unavailable');
      expect(error.retryable).toBe(true);
    } finally {
      await nowhere.close();
    }
  });
});
