import { randomBytes } from 'node:crypto';
import { escapeIdentifier, escapeLiteral } from 'pg';
import { createTestDatabase, type TestDatabase } from '@tenure/testing';
import { createPostgresqlConnector } from '../create-postgresql-connector';
import type { PostgresqlConnector } from '../postgresql-connector';
import type { PostgresqlSettingsInput } from '../postgresql-settings';

/**
 * A dedicated database on the test server plus roles for one test file: an administrator with
 * CREATEROLE and ADMIN OPTION on the seeded group roles, as a real deployment would set it up.
 * Roles are cluster-wide, so every name carries this run's random tag and `drop()` removes them.
 */
export interface TestCluster {
  readonly database: TestDatabase;
  readonly tag: string;
  readonly adminRole: string;
  /** The managed-role prefix; the seeded group roles are `<prefix>readers` and `<prefix>writers`. */
  readonly groupPrefix: string;
  readonly groups: readonly [string, string];
  /** The settings an administrator registers the application with (the password is the credential `pg-password`). */
  readonly settings: PostgresqlSettingsInput;
  /** The administrator role's password, the value of the credential `pg-password`. */
  readonly password: string;
  connector(overrides?: Partial<PostgresqlSettingsInput>, password?: string): PostgresqlConnector;
  /** Runs SQL as the server's superuser (to arrange what an administrator would have done by hand). */
  superuser(sql: string): Promise<void>;
  drop(): Promise<void>;
}

export async function createTestCluster(): Promise<TestCluster> {
  const database = await createTestDatabase(3);
  const tag = randomBytes(3).toString('hex');
  const adminRole = `ct_admin_${tag}`;
  const groupPrefix = `ctg${tag}_`;
  const groups = [`${groupPrefix}readers`, `${groupPrefix}writers`] as const;
  const password = randomBytes(12).toString('hex');
  const superuser = async (sql: string) => {
    await database.pool.query(sql);
  };

  await superuser(`CREATE ROLE ${escapeIdentifier(adminRole)} LOGIN CREATEROLE PASSWORD ${escapeLiteral(password)}`);
  for (const group of groups) {
    await superuser(`CREATE ROLE ${escapeIdentifier(group)} NOLOGIN`);
    await superuser(`COMMENT ON ROLE ${escapeIdentifier(group)} IS ${escapeLiteral(`Test group ${group}`)}`);
    await superuser(`GRANT ${escapeIdentifier(group)} TO ${escapeIdentifier(adminRole)} WITH ADMIN OPTION, INHERIT FALSE, SET FALSE`);
  }

  const url = new URL(database.url);
  const settings: PostgresqlSettingsInput = {
    host: url.hostname,
    port: Number(url.port),
    database: url.pathname.slice(1),
    user: adminRole,
    passwordSecret: 'pg-password',
    managedRolePrefix: groupPrefix,
    poolSize: 2,
  };
  const connector = (overrides: Partial<PostgresqlSettingsInput> = {}, secret = password) =>
    createPostgresqlConnector({ ...settings, ...overrides }, { 'pg-password': secret });

  return {
    database,
    settings,
    password,
    tag,
    adminRole,
    groupPrefix,
    groups,
    connector,
    superuser,
    async drop() {
      const { rows } = await database.pool.query<{ rolname: string }>(
        `SELECT rolname FROM pg_roles WHERE rolname LIKE '%' || $1 || '%' ORDER BY rolname = $2`,
        [tag, adminRole],
      );
      for (const { rolname } of rows) {
        await superuser(`DROP OWNED BY ${escapeIdentifier(rolname)}`);
        await superuser(`DROP ROLE ${escapeIdentifier(rolname)}`);
      }
      await database.drop();
    },
  };
}
