import path from 'node:path';
import { migrate } from '@tenure/event-store-postgres';
import { checkDatabaseReachable, describeTarget, startEmbeddedPostgres } from '@tenure/platform';
import pg from 'pg';
import { resolveDataDir, type LauncherConfig } from './launcher-config';
import type { Lifecycle } from './lifecycle';

/**
 * The database every service uses: the external one named by DATABASE_URL, checked to answer
 * before anything starts, or else an embedded PostgreSQL kept under the data directory.
 * Returns its URL; an embedded server is handed to `lifecycle` to be stopped last.
 */
export async function provideDatabase(
  config: LauncherConfig,
  root: string,
  lifecycle: Lifecycle,
  say: (message: string) => void,
): Promise<string> {
  if (config.DATABASE_URL !== undefined) {
    const { serverVersion } = await checkDatabaseReachable(config.DATABASE_URL);
    say(`using PostgreSQL ${serverVersion} at ${describeTarget(config.DATABASE_URL)} (DATABASE_URL)`);
    return config.DATABASE_URL;
  }
  const dataDir = path.join(resolveDataDir(config, root), 'pgdata');
  const database = await startEmbeddedPostgres({
    dataDir,
    databaseName: 'tenure',
    port: config.EMBEDDED_POSTGRES_PORT,
    // PostgreSQL will not run as root; in a root-only container it runs as a `postgres` account instead.
    createPostgresUser: process.getuid?.() === 0,
    onProgress: say,
  });
  lifecycle.own(
    'PostgreSQL',
    async () => {
      await database.stop('fast');
      say('embedded PostgreSQL stopped');
    },
    () => database.stop('immediate'),
  );
  say(
    `embedded PostgreSQL ${database.serverVersion} ready at ${describeTarget(database.databaseUrl)}, data in ${path.relative(root, dataDir) || dataDir}`,
  );
  return database.databaseUrl;
}

/** Creates or upgrades the event store schema before any service connects. */
export async function createSchema(databaseUrl: string): Promise<readonly number[]> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  try {
    const { applied } = await migrate(pool);
    return applied;
  } finally {
    await pool.end();
  }
}
