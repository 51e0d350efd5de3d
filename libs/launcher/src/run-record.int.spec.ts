import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { inspectProcess, isProcessAlive } from '@tenure/platform';
import { stopLeftoverProcesses, type RunRecord } from './run-record';

let dir: string;
const started: ChildProcess[] = [];

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'tenure-run-record-'));
});

afterEach(async () => {
  for (const child of started.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await rm(dir, { recursive: true, force: true });
});

/** A process in its own group, like the ones the supervisor starts. */
function longRunning(): ChildProcess & { pid: number } {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { detached: true, stdio: 'ignore' });
  started.push(child);
  if (child.pid === undefined) throw new Error('could not spawn');
  return child as ChildProcess & { pid: number };
}

/** The pid of a process that has already exited, as a killed launcher's would be. */
function deadPid(): number {
  return Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout);
}

describe('processes left by a killed launcher', () => {
  it('stops the recorded processes that still run the recorded program, and nothing else', async () => {
    const leftover = longRunning();
    const unrelated = longRunning();
    // Right after the spawn the program may not be exec'd yet; wait until /proc shows it.
    while (!inspectProcess(leftover.pid)?.commandLine?.includes('-e')) await new Promise((resolve) => setTimeout(resolve, 10));
    const record: RunRecord = {
      launcherPid: deadPid(),
      processes: [
        { name: 'identity', pid: leftover.pid, commandLine: inspectProcess(leftover.pid)?.commandLine ?? [] },
        // The pid now belongs to a different program: it must be left alone.
        { name: 'policy', pid: unrelated.pid, commandLine: [process.execPath, '/somewhere/services/policy/dist/main.js'] },
      ],
    };
    const file = path.join(dir, 'launcher.json');
    await writeFile(file, JSON.stringify(record));
    const said: string[] = [];

    await stopLeftoverProcesses(file, (message) => said.push(message));

    expect(isProcessAlive(leftover.pid)).toBe(false);
    expect(isProcessAlive(unrelated.pid)).toBe(true);
    expect(said).toEqual([`stopped identity (pid ${leftover.pid}), left running by a launcher that was killed`]);
    expect(existsSync(file)).toBe(false);
  });

  it('does nothing when there is no record', async () => {
    const said: string[] = [];
    await stopLeftoverProcesses(path.join(dir, 'launcher.json'), (message) => said.push(message));
    expect(said).toEqual([]);
  });
});
