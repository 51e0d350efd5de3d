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
  // A connection the target or the network drops must not crash the process, idle in the pool or checked
  // out between two queries of a transaction (pg emits 'error' on the client; the pool listens only while
  // it is idle). The query in flight fails all the same and the pool discards the broken client.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => void client.on('error', () => undefined));
  return new PostgresqlConnector(pool, parsed);
}
