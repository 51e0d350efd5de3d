import { PostgresEventStore } from '@tenure/event-store-postgres';
import type { PersonalDataMasterKey } from '@tenure/personal-data';
import type { Logger } from '@tenure/platform';

/**
 * How long taking a connection from the store's pool may take. Without a bound, pg waits for the
 * operating system (about two minutes) when the database host does not answer, and /ready,
 * the schema migration at start and shutdown would all hang with it.
 */
export const CONNECT_TIMEOUT_MS = 2_000;

export function openEventStore(databaseUrl: string, logger: Logger, personalDataKey?: PersonalDataMasterKey | null): PostgresEventStore {
  const store = new PostgresEventStore({ connectionString: databaseUrl, connectionTimeoutMillis: CONNECT_TIMEOUT_MS, personalDataKey });
  // The store already keeps a failing idle connection from crashing the process; say that it happened.
  store.pool.on('error', (error) => logger.warn({ err: error }, 'idle PostgreSQL connection failed'));
  return store;
}
