import { Pool } from 'pg';
import { PostgresqlConnector } from './postgresql-connector';
import { parsePostgresqlSettings, poolConfig, type PostgresqlSecrets } from './postgresql-settings';

/**
 * A connector to the PostgreSQL cluster the settings describe. Settings are validated (a
 * ConnectorError `invalid` says what is wrong); the password comes from `secrets` under the name
 * `settings.passwordSecret`. Nothing connects until the first call.
 */
export function createPostgresqlConnector(settings: unknown, secrets: PostgresqlSecrets = {}): PostgresqlConnector {
  const parsed = parsePostgresqlSettings(settings);
  const pool = new Pool(poolConfig(parsed, secrets));
  // A connection the server closes while idle must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  return new PostgresqlConnector(pool, parsed);
}
