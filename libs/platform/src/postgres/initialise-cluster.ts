import { execFile } from 'node:child_process';
import { chown, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { EmbeddedPostgresError } from './postgres-errors';
import type { PostgresBinaries } from './postgres-binaries';
import type { ServerAccount } from './postgres-os-user';

const run = promisify(execFile);

export interface ClusterInitialisation {
  readonly binaries: PostgresBinaries;
  readonly dataDir: string;
  readonly superuser: { readonly user: string; readonly password: string };
  readonly account: ServerAccount | undefined;
  /** False skips fsync of the new files: right for throw-away clusters, wrong for ones that keep data. */
  readonly sync: boolean;
}

/**
 * Runs initdb: a UTF-8 cluster with the C locale (identical on every machine, no OS locales needed)
 * and password (SCRAM) authentication for every connection.
 */
export async function initialiseCluster(init: ClusterInitialisation): Promise<void> {
  const { binaries, dataDir, superuser, account } = init;
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  // initdb reads the password from a file; it lives outside the data directory, which must be empty.
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'tenure-initdb-'));
  const passwordFile = path.join(scratch, 'password');
  try {
    await writeFile(passwordFile, `${superuser.password}\n`, { mode: 0o600 });
    if (account) {
      await Promise.all([dataDir, scratch, passwordFile].map((file) => chown(file, account.uid, account.gid)));
    }
    const args = [
      `--pgdata=${dataDir}`,
      `--username=${superuser.user}`,
      `--pwfile=${passwordFile}`,
      '--auth=scram-sha-256',
      '--encoding=UTF8',
      '--locale=C',
      ...(init.sync ? [] : ['--no-sync']),
    ];
    await run(binaries.initdb, args, { env: { ...process.env, LC_MESSAGES: 'C' }, ...(account ?? {}) });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim() || (error as Error).message;
    const hint =
      account && /permission denied/i.test(stderr)
        ? ' PostgreSQL runs as the "postgres" account here: every folder above the data directory must be searchable by it (chmod o+x).'
        : '';
    throw new EmbeddedPostgresError('INITDB_FAILED', `initdb could not create a cluster in ${dataDir}: ${stderr}${hint}`);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
