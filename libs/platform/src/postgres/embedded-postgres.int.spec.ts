import { spawn } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { checkDatabaseReachable } from './database-reachability';
import { startEmbeddedPostgres, type EmbeddedPostgresOptions } from './embedded-postgres';
import { isProcessAlive } from '../process/process-inspection';

jest.setTimeout(60_000);

const asRoot = process.getuid?.() === 0;
let workDir: string;

beforeAll(async () => {
  workDir = await mkdtemp(path.join(os.tmpdir(), 'tenure-embedded-pg-'));
  // As root the server runs as the postgres account, which must be able to enter this folder.
  await chmod(workDir, 0o755);
});

afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

function options(name: string, extra: Partial<EmbeddedPostgresOptions> = {}): EmbeddedPostgresOptions {
  return { dataDir: path.join(workDir, name), createPostgresUser: asRoot, preferredPort: 56432, settings: { fsync: 'off' }, ...extra };
}

async function query<Row extends pg.QueryResultRow>(databaseUrl: string, sql: string): Promise<Row[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<Row>(sql)).rows;
  } finally {
    await client.end();
  }
}

async function postmasterPid(dataDir: string): Promise<number> {
  return Number.parseInt((await readFile(path.join(dataDir, 'postmaster.pid'), 'utf8')).split('\n')[0] ?? '', 10);
}

describe('embedded PostgreSQL', () => {
  it('starts a real server, keeps its data and port across restarts, with credentials only its owner can read', async () => {
    const first = await startEmbeddedPostgres(options('persistent'));
    const pid = await postmasterPid(first.dataDir);
    try {
      const [version] = await query<{ version: string }>(first.databaseUrl, 'SELECT version()');
      expect(version?.version).toMatch(/^PostgreSQL 18\./);
      expect(new URL(first.databaseUrl).pathname).toBe('/tenure');
      await query(first.databaseUrl, 'CREATE TABLE kept (id int); INSERT INTO kept VALUES (42)');
      expect((await stat(`${first.dataDir}.cluster.json`)).mode & 0o777).toBe(0o600);
    } finally {
      await first.stop();
    }
    expect(isProcessAlive(pid)).toBe(false);

    const second = await startEmbeddedPostgres(options('persistent'));
    try {
      expect(second.port).toBe(first.port);
      expect(second.databaseUrl).toBe(first.databaseUrl);
      expect(await query(second.databaseUrl, 'SELECT id FROM kept')).toEqual([{ id: 42 }]);
    } finally {
      await second.stop();
    }
  });

  it('stops the server an owner killed with SIGKILL left running, then starts afresh', async () => {
    const dataDir = path.join(workDir, 'orphaned');
    const owner = path.join(workDir, 'owner.ts');
    // A separate owner process, from source, that starts the server and then waits to be killed.
    await writeFile(
      owner,
      `import { startEmbeddedPostgres } from ${JSON.stringify(path.join(__dirname, 'embedded-postgres'))};
       startEmbeddedPostgres(${JSON.stringify(options('orphaned'))}).then(() => console.log('started'));
       setInterval(() => undefined, 1000);`,
    );
    const child = spawn(process.execPath, ['-r', path.join(__dirname, '..', 'testing', 'register-typescript.js'), owner], {
      cwd: __dirname,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('started') && resolve());
      child.once('exit', (code) => reject(new Error(`owner exited with ${code} before the server started`)));
    });
    const orphanPid = await postmasterPid(dataDir);
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    expect(isProcessAlive(orphanPid)).toBe(true);

    try {
      const restarted = await startEmbeddedPostgres(options('orphaned'));
      try {
        expect(isProcessAlive(orphanPid)).toBe(false);
        expect(await postmasterPid(dataDir)).not.toBe(orphanPid);
        expect(await query(restarted.databaseUrl, 'SELECT 1 AS up')).toEqual([{ up: 1 }]);
      } finally {
        await restarted.stop();
      }
    } finally {
      // Should this test fail, leave no orphan behind.
      if (isProcessAlive(orphanPid)) process.kill(orphanPid, 'SIGQUIT');
    }
  });

  it('deletes a throw-away cluster when stopped', async () => {
    const throwAway = await startEmbeddedPostgres(options('throw-away', { persistent: false, databaseName: 'scratch' }));
    expect(await query(throwAway.databaseUrl, 'SELECT current_database() AS name')).toEqual([{ name: 'scratch' }]);
    await throwAway.stop();
    await expect(stat(throwAway.dataDir)).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(stat(`${throwAway.dataDir}.cluster.json`)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('explains why an external database cannot be reached, without showing the password', async () => {
    const database = await startEmbeddedPostgres(options('reachability', { persistent: false }));
    try {
      expect(await checkDatabaseReachable(database.databaseUrl)).toEqual({ serverVersion: database.serverVersion });

      const wrongPassword = new URL(database.databaseUrl);
      wrongPassword.password = 'not-the-password';
      const refused = checkDatabaseReachable(wrongPassword.toString());
      await expect(refused).rejects.toMatchObject({ code: 'DATABASE_UNREACHABLE' });
      await expect(refused).rejects.toThrow(
        `Cannot connect to PostgreSQL at tenure@127.0.0.1:${database.port}/tenure: authentication failed`,
      );
      await expect(refused).rejects.not.toThrow('not-the-password');

      const missingDatabase = new URL(database.databaseUrl);
      missingDatabase.pathname = '/nowhere';
      await expect(checkDatabaseReachable(missingDatabase.toString())).rejects.toThrow('database "nowhere" does not exist');
    } finally {
      await database.stop();
    }
    await expect(checkDatabaseReachable(database.databaseUrl)).rejects.toThrow('connection refused: nothing listens there');
  });
});
