import { describeTarget, startEmbeddedPostgres } from '@tenure/platform';
import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { markInterrupted } from '../cli/interruption';

/** A scratch database for one benchmark run, on a server this run started or was given. */
export interface BenchPostgres {
  readonly url: string;
  /** Where the server comes from, for the report (no secrets). */
  readonly origin: string;
  /** Drops the scratch database, or stops and deletes the server if this run started it. */
  dispose(): Promise<void>;
}

/**
 * With DATABASE_URL, a scratch database on that server. Otherwise an embedded PostgreSQL in a
 * temporary directory with the server's default settings: fsync and synchronous_commit stay on,
 * so commits cost what they cost in production. Ctrl-C (or SIGTERM) cleans up before exiting.
 */
export async function openBenchPostgres(): Promise<BenchPostgres> {
  const external = process.env['DATABASE_URL'];
  const postgres = external ? await scratchDatabaseOn(external) : await startEmbedded();
  const cleanUpAndExit = () => {
    markInterrupted();
    process.stderr.write('bench: interrupted, cleaning up the benchmark database\n');
    void postgres.dispose().finally(() => process.exit(130));
  };
  process.once('SIGINT', cleanUpAndExit).once('SIGTERM', cleanUpAndExit);
  return {
    url: postgres.url,
    origin: postgres.origin,
    async dispose() {
      process.off('SIGINT', cleanUpAndExit).off('SIGTERM', cleanUpAndExit);
      await postgres.dispose();
    },
  };
}

async function startEmbedded(): Promise<BenchPostgres> {
  const dir = await mkdtemp(join(tmpdir(), 'tenure-bench-pg-'));
  // As root the server runs as the "postgres" account, which must be able to reach its data directory.
  await chmod(dir, 0o755);
  try {
    const server = await startEmbeddedPostgres({
      dataDir: join(dir, 'data'),
      databaseName: 'tenure_bench',
      persistent: false,
      createPostgresUser: process.getuid?.() === 0,
    });
    return {
      url: server.databaseUrl,
      origin: `embedded PostgreSQL ${server.serverVersion} in ${server.dataDir} (port ${server.port})`,
      async dispose() {
        await server.stop();
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

async function scratchDatabaseOn(adminUrl: string): Promise<BenchPostgres> {
  const name = `tenure_bench_${randomBytes(4).toString('hex')}`;
  await withClient(adminUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    origin: `DATABASE_URL (${describeTarget(adminUrl)}), scratch database ${name}`,
    dispose: () => withClient(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
