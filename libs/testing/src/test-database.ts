import { randomBytes } from 'node:crypto';
import { Client, Pool } from 'pg';

export interface TestDatabase {
  readonly url: string;
  readonly pool: Pool;
  /** Closes the pool and drops the database. */
  drop(): Promise<void>;
}

function adminUrl(): string {
  const url = process.env['TENURE_TEST_ADMIN_URL'];
  if (!url) {
    throw new Error(
      'No test PostgreSQL: set globalSetup/globalTeardown to libs/testing/jest-global-setup.mjs / jest-global-teardown.mjs in jest.config.js, or set DATABASE_URL',
    );
  }
  return url;
}

/** A fresh, empty database on the run's PostgreSQL server, for one test file. */
export async function createTestDatabase(poolSize = 10): Promise<TestDatabase> {
  const admin = adminUrl();
  const name = `test_${randomBytes(6).toString('hex')}`;
  await withAdmin(admin, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const pool = new Pool({ connectionString: url.toString(), max: poolSize });
  // An idle connection ended by the server (e.g. DROP DATABASE ... WITH (FORCE) while the pool
  // winds down) must not surface as an unhandled 'error' event; query errors still reach callers.
  pool.on('error', () => undefined);
  return {
    url: url.toString(),
    pool,
    async drop() {
      await pool.end();
      await withAdmin(admin, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

async function withAdmin<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
