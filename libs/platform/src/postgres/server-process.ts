import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { EmbeddedPostgresError } from './postgres-errors';
import type { PostgresBinaries } from './postgres-binaries';
import type { ServerAccount } from './postgres-os-user';

export interface ServerLaunch {
  readonly binaries: PostgresBinaries;
  readonly dataDir: string;
  readonly port: number;
  readonly logFile: string;
  readonly account: ServerAccount | undefined;
  readonly detached: boolean;
  readonly settings: Readonly<Record<string, string>>;
  readonly superuser: { readonly user: string; readonly password: string };
  readonly startTimeoutMs: number;
}

/**
 * Starts the postmaster and resolves once it accepts a login. It listens on 127.0.0.1 only and
 * creates no Unix socket (nothing to clash with in /tmp); its log goes to a file so that it
 * outlives us if we are killed, instead of dying on a broken pipe.
 */
export async function launchServer(launch: ServerLaunch): Promise<ChildProcess> {
  const settings = { listen_addresses: '127.0.0.1', unix_socket_directories: '', ...launch.settings };
  const args = [
    '-D',
    launch.dataDir,
    '-p',
    String(launch.port),
    ...Object.entries(settings).flatMap(([name, value]) => ['-c', `${name}=${value}`]),
  ];
  const logFd = openSync(launch.logFile, 'w');
  let server: ChildProcess;
  try {
    server = spawn(launch.binaries.postgres, args, {
      detached: launch.detached,
      stdio: ['ignore', logFd, logFd],
      env: { ...process.env, LC_MESSAGES: 'C' },
      ...(launch.account ? { uid: launch.account.uid, gid: launch.account.gid } : {}),
    });
  } finally {
    closeSync(logFd);
  }
  let exit: string | undefined;
  server.once('exit', (code, signal) => (exit = signal ? `killed by ${signal}` : `exit code ${code}`));
  server.once('error', (error) => (exit = error.message));

  const deadline = Date.now() + launch.startTimeoutMs;
  for (;;) {
    if (exit !== undefined) throw await startFailure(launch, `the server stopped during start-up (${exit})`);
    const outcome = await tryLogin(launch);
    if (outcome === 'accepted') return server;
    if (outcome === 'rejected-credentials') {
      server.kill('SIGINT');
      throw await startFailure(launch, 'it refused the credentials recorded in the cluster file');
    }
    if (Date.now() > deadline) {
      server.kill('SIGQUIT');
      throw await startFailure(launch, `it did not accept connections within ${launch.startTimeoutMs / 1000} s`);
    }
    await sleep(50);
  }
}

async function tryLogin(launch: ServerLaunch): Promise<'accepted' | 'rejected-credentials' | 'not-yet'> {
  const client = new pg.Client({
    host: '127.0.0.1',
    port: launch.port,
    database: 'postgres',
    user: launch.superuser.user,
    password: launch.superuser.password,
    connectionTimeoutMillis: 1_000,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return 'accepted';
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    return code === '28P01' || code === '28000' ? 'rejected-credentials' : 'not-yet';
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function startFailure(launch: ServerLaunch, what: string): Promise<EmbeddedPostgresError> {
  const log = await readFile(launch.logFile, 'utf8').catch(() => '');
  const tail = log.trim().split('\n').slice(-15).join('\n');
  return new EmbeddedPostgresError(
    'START_FAILED',
    `The embedded PostgreSQL in ${launch.dataDir} (port ${launch.port}) did not start: ${what}.${tail ? `\nLast lines of ${launch.logFile}:\n${tail}` : ''}`,
  );
}

/** Fast shutdown (SIGINT) by default; `immediate` (SIGQUIT) skips the checkpoint when we are in a hurry. */
export async function stopServer(server: ChildProcess, mode: 'fast' | 'immediate'): Promise<void> {
  const escalation: ReadonlyArray<readonly [NodeJS.Signals, number]> =
    mode === 'fast'
      ? [
          ['SIGINT', 20_000],
          ['SIGQUIT', 5_000],
          ['SIGKILL', 5_000],
        ]
      : [
          ['SIGQUIT', 5_000],
          ['SIGKILL', 5_000],
        ];
  for (const [signal, waitMs] of escalation) {
    if (hasExited(server)) return;
    server.kill(signal);
    if (await exitsWithin(server, waitMs)) return;
  }
}

function hasExited(server: ChildProcess): boolean {
  return server.exitCode !== null || server.signalCode !== null;
}

function exitsWithin(server: ChildProcess, waitMs: number): Promise<boolean> {
  if (hasExited(server)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      server.off('exit', onExit);
      resolve(false);
    }, waitMs);
    const onExit = (): void => {
      clearTimeout(timer);
      resolve(true);
    };
    server.once('exit', onExit);
  });
}
