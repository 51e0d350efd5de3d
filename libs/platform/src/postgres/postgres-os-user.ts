import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { EmbeddedPostgresError } from './postgres-errors';

const run = promisify(execFile);

/** The account the server processes run as, when it is not the current one. */
export interface ServerAccount {
  readonly uid: number;
  readonly gid: number;
}

const ACCOUNT_NAME = 'postgres';

/**
 * PostgreSQL refuses to run as root. As root we run it as the `postgres` account, which is
 * created only when the caller allows it (it changes the host: a container is the place for that).
 * Returns undefined when we are not root: the server then runs as ourselves.
 */
export async function resolveServerAccount(createPostgresUser: boolean): Promise<ServerAccount | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  const existing = await lookUpAccount();
  if (existing) return existing;
  if (!createPostgresUser) {
    throw new EmbeddedPostgresError(
      'RUNNING_AS_ROOT',
      'Running as root, and PostgreSQL refuses to run as root. Pass createPostgresUser: true to create a "postgres" system account to run it, or run as a normal user.',
    );
  }
  await run('groupadd', ['-f', ACCOUNT_NAME]);
  await run('useradd', ['--system', '--gid', ACCOUNT_NAME, '--no-create-home', '--shell', '/usr/sbin/nologin', ACCOUNT_NAME]);
  const created = await lookUpAccount();
  if (!created) throw new EmbeddedPostgresError('RUNNING_AS_ROOT', `Created the "${ACCOUNT_NAME}" account but cannot find it afterwards.`);
  return created;
}

async function lookUpAccount(): Promise<ServerAccount | undefined> {
  try {
    const [uid, gid] = await Promise.all([run('id', ['-u', ACCOUNT_NAME]), run('id', ['-g', ACCOUNT_NAME])]);
    return { uid: Number.parseInt(uid.stdout, 10), gid: Number.parseInt(gid.stdout, 10) };
  } catch {
    return undefined;
  }
}
