import { launcherClusterDir, runningEmbeddedDatabaseUrl } from '@tenure/platform';

/**
 * The database a command-line tool works on: `DATABASE_URL`, or else the embedded one of an
 * `npm start` running from this directory. Undefined when there is neither.
 */
export async function commandDatabaseUrl(env: NodeJS.ProcessEnv, cwd = process.cwd()): Promise<string | undefined> {
  return env['DATABASE_URL'] || (await runningEmbeddedDatabaseUrl(launcherClusterDir(cwd, env)));
}

export const NO_DATABASE =
  'no database: set DATABASE_URL to the PostgreSQL that holds the event store, or run this beside a running `npm start` (its embedded database is used)';
