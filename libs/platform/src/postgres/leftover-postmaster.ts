import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { EmbeddedPostgresError } from './postgres-errors';
import { inspectProcess, isProcessAlive } from '../process/process-inspection';

export type LeftoverOutcome =
  | { readonly kind: 'none' }
  | { readonly kind: 'stale-lock-removed'; readonly pid: number }
  | { readonly kind: 'orphan-stopped'; readonly pid: number };

/**
 * Clears what a previous owner left when it died without stopping its server (e.g. SIGKILL):
 * the server keeps running as an orphan and holds `postmaster.pid`, so a new one would refuse to start.
 *
 * - no lock file: nothing to do;
 * - the lock names no live postmaster of this data directory: the stale file is removed;
 * - it names a live postmaster whose parent is no longer `ownerPid` (the owner recorded at its start):
 *   an orphan, stopped cleanly (fast shutdown) before a new server starts;
 * - the recorded owner is alive and still its parent: someone uses it now, so we refuse to touch it.
 */
export async function clearLeftoverPostmaster(dataDir: string, ownerPid: number | undefined): Promise<LeftoverOutcome> {
  const lockFile = path.join(dataDir, 'postmaster.pid');
  const pid = await readLockPid(lockFile);
  if (pid === undefined) return { kind: 'none' };

  const server = inspectProcess(pid);
  if (server === undefined) {
    await rm(lockFile, { force: true });
    return { kind: 'stale-lock-removed', pid };
  }
  if (server.commandLine === undefined) {
    throw new EmbeddedPostgresError(
      'SERVER_IN_USE',
      `Process ${pid} holds ${lockFile} and this system cannot tell whether it is a PostgreSQL server. Stop it, or delete the file if it is not.`,
    );
  }
  if (!isPostmasterOf(server.commandLine, dataDir)) {
    await rm(lockFile, { force: true });
    return { kind: 'stale-lock-removed', pid };
  }
  if (ownerPid !== undefined && ownerPid !== process.pid && server.parentPid === ownerPid && isProcessAlive(ownerPid)) {
    throw new EmbeddedPostgresError(
      'SERVER_IN_USE',
      `The PostgreSQL server in ${dataDir} (pid ${pid}) is in use by process ${ownerPid}. Stop that process first.`,
    );
  }
  await stopProcess(pid);
  return { kind: 'orphan-stopped', pid };
}

async function readLockPid(lockFile: string): Promise<number | undefined> {
  try {
    const firstLine = (await readFile(lockFile, 'utf8')).split('\n')[0] ?? '';
    const pid = Number.parseInt(firstLine, 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function isPostmasterOf(commandLine: readonly string[], dataDir: string): boolean {
  const program = path.basename(commandLine[0] ?? '');
  const dataDirIndex = commandLine.indexOf('-D');
  const serverDataDir = dataDirIndex >= 0 ? commandLine[dataDirIndex + 1] : undefined;
  return program === 'postgres' && serverDataDir !== undefined && path.resolve(serverDataDir) === path.resolve(dataDir);
}

/** SIGINT is PostgreSQL's fast shutdown; SIGQUIT its immediate one, should the first hang. */
async function stopProcess(pid: number): Promise<void> {
  for (const [signal, waitMs] of [
    ['SIGINT', 20_000],
    ['SIGQUIT', 5_000],
    ['SIGKILL', 5_000],
  ] as const) {
    try {
      process.kill(pid, signal);
    } catch {
      return;
    }
    const deadline = Date.now() + waitMs;
    while (Date.now() < deadline) {
      if (!isProcessAlive(pid)) return;
      await sleep(50);
    }
  }
}
