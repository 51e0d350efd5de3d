import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { inspectProcess, isProcessAlive } from '@tenure/platform';

/**
 * Which processes a launcher runs, kept in `<data dir>/launcher.json` while it runs. The processes
 * live in their own process groups, so when a launcher is killed outright (SIGKILL) they keep running
 * and hold their ports; the next launcher reads this record to stop them.
 */
export interface RunRecord {
  readonly launcherPid: number;
  readonly processes: ReadonlyArray<{ readonly name: string; readonly pid: number; readonly commandLine: readonly string[] }>;
}

export class RunRecordFile {
  private readonly commandLines = new Map<number, readonly string[]>();

  constructor(readonly file: string) {}

  /** Written synchronously: it must be on disk before anything could kill us. */
  update(running: ReadonlyArray<{ readonly name: string; readonly pid: number }>): void {
    const processes = running.flatMap(({ name, pid }) => {
      // Read once per pid, right after the spawn (the program has been exec'd by then).
      const commandLine = this.commandLines.get(pid) ?? inspectProcess(pid)?.commandLine;
      if (commandLine === undefined) return [];
      this.commandLines.set(pid, commandLine);
      return [{ name, pid, commandLine }];
    });
    const record: RunRecord = { launcherPid: process.pid, processes };
    mkdirSync(path.dirname(this.file), { recursive: true });
    writeFileSync(`${this.file}.tmp`, `${JSON.stringify(record, null, 2)}\n`);
    renameSync(`${this.file}.tmp`, this.file);
  }

  remove(): void {
    rmSync(this.file, { force: true });
  }
}

/**
 * Stops what a killed launcher left running (only processes whose command line still matches the
 * record, so a reused pid is never touched). Throws if the launcher that wrote the record still runs.
 */
export async function stopLeftoverProcesses(file: string, say: (message: string) => void): Promise<void> {
  const record = readRecord(file);
  if (record === undefined) return;
  if (record.launcherPid !== process.pid && isLauncher(record.launcherPid)) {
    throw new Error(`another launcher (pid ${record.launcherPid}) is running from this folder; stop it first (Ctrl-C in its terminal)`);
  }
  const leftovers = record.processes.filter((entry) => sameCommandLine(inspectProcess(entry.pid)?.commandLine, entry.commandLine));
  for (const leftover of leftovers) signalGroup(leftover.pid, 'SIGTERM');
  const deadline = Date.now() + 10_000;
  while (leftovers.some((leftover) => isProcessAlive(leftover.pid)) && Date.now() < deadline) await sleep(100);
  for (const leftover of leftovers) {
    if (isProcessAlive(leftover.pid)) signalGroup(leftover.pid, 'SIGKILL');
    say(`stopped ${leftover.name} (pid ${leftover.pid}), left running by a launcher that was killed`);
  }
  rmSync(file, { force: true });
}

function readRecord(file: string): RunRecord | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as RunRecord;
  } catch {
    return undefined;
  }
}

function isLauncher(pid: number): boolean {
  const commandLine = inspectProcess(pid)?.commandLine;
  return commandLine?.some((part) => part.endsWith(path.join('launcher', 'dist', 'main.js'))) ?? false;
}

function sameCommandLine(actual: readonly string[] | undefined, recorded: readonly string[]): boolean {
  return actual !== undefined && actual.length === recorded.length && actual.every((part, index) => part === recorded[index]);
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}
