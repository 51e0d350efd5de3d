import { parsePostgresqlSettings, poolConfig } from './postgresql-settings';

describe('PostgreSQL connector settings', () => {
  it('given host, database, user and a prefix, when parsed, then defaults fill the rest', () => {
    expect(parsePostgresqlSettings({ host: 'db', database: 'app', user: 'tenure', managedRolePrefix: 'app_' })).toEqual({
      host: 'db',
      port: 5432,
      database: 'app',
      user: 'tenure',
      ssl: 'off',
      managedRolePrefix: 'app_',
      managedRoles: [],
      ignoredRoles: ['postgres'],
      ownedObjectsOnDelete: { action: 'refuse' },
      poolSize: 4,
      connectTimeoutMs: 10_000,
      statementTimeoutMs: 30_000,
    });
  });

  it('given no target or no managed roles, when parsed, then a non-retryable invalid error says what to add', () => {
    expect(() => parsePostgresqlSettings({ managedRolePrefix: 'app_' })).toThrow(
      expect.objectContaining({
        kind: 'invalid',
        retryable: false,
        message: expect.stringContaining('give either connectionString or host, database and user'),
      }),
    );
    expect(() => parsePostgresqlSettings({ connectionString: 'postgres://h/db' })).toThrow(/managedRolePrefix/);
    expect(() =>
      parsePostgresqlSettings({
        connectionString: 'postgres://h/db',
        managedRoles: ['readers'],
        ownedObjectsOnDelete: { action: 'reassign' },
      }),
    ).toThrow(/ownedObjectsOnDelete/);
  });

  it('given a password secret, when building the pool configuration, then the password comes from the secrets, and a missing one is invalid', () => {
    const settings = parsePostgresqlSettings({
      connectionString: 'postgres://tenure@h/db',
      passwordSecret: 'pg',
      managedRoles: ['readers'],
      ssl: 'verify',
    });

    expect(poolConfig(settings, { pg: 's3cret' })).toMatchObject({
      connectionString: 'postgres://tenure:s3cret@h/db',
      ssl: { rejectUnauthorized: true },
      statement_timeout: 30_000,
    });
    expect(() => poolConfig(settings, {})).toThrow(expect.objectContaining({ kind: 'invalid', message: expect.stringContaining('"pg"') }));
  });
});
