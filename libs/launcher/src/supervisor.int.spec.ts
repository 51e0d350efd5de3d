import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import type { ProcessSpec } from './supervisor';

jest.setTimeout(30_000);

/**
 * Real processes, real signals: a runner process supervises small HTTP servers written by this test,
 * one steady, one that crashes once after becoming ready, one that always crashes; then gets SIGINT.
 */

// A stand-in service: serves /health and /ready, records its pid (and its helper's), behaves by mode.
const serviceScript = `
const { spawn } = require('node:child_process');
const { appendFileSync, existsSync, writeFileSync } = require('node:fs');
const http = require('node:http');
const [name, port, dir, mode] = process.argv.slice(2);
const record = (what, pid) => appendFileSync(dir + '/pids.log', name + ' ' + what + ' ' + pid + '\\n');
record('main', process.pid);
if (mode === 'always-crash') process.exit(2);
if (mode === 'with-helper') record('helper', spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' }).pid);
const server = http.createServer((request, response) => {
  response.statusCode = request.url === '/health' || request.url === '/ready' ? 200 : 404;
  response.end();
}).listen(Number(port), '127.0.0.1', () => console.log(JSON.stringify({ level: 30, time: Date.now(), msg: 'listening', port: Number(port) })));
if (mode === 'crash-once' && !existsSync(dir + '/crashed-once')) {
  writeFileSync(dir + '/crashed-once', '');
  setTimeout(() => process.exit(3), 800);
}
if (mode === 'ignore-sigterm') process.on('SIGTERM', () => console.log('ignoring SIGTERM'));
else process.on('SIGTERM', () => server.close(() => process.exit(0)));
`;

// The runner: the launcher's supervisor, lifecycle and signal handling, from source, printing each state change as JSON.
const runnerScript = (sources: string): string => `
import { Supervisor } from ${JSON.stringify(path.join(sources, 'supervisor'))};
import { Lifecycle } from ${JSON.stringify(path.join(sources, 'lifecycle'))};
import { exitOnShutdownSignals } from ${JSON.stringify(path.join(sources, 'shutdown-signals'))};
const supervisor = new Supervisor(JSON.parse(process.argv[2]), {
  policy: { stableAfterMs: 5000, maxFastCrashes: 3, initialBackoffMs: 100, maxBackoffMs: 400 },
  timings: { probeWhileStartingMs: 50, probeWhileRunningMs: 200, stopTimeoutMs: 3000 },
  onStateChange: (name, state) =>
    console.log(JSON.stringify({ name, status: state.status, pid: 'pid' in state ? state.pid : null, restarts: state.history.restarts })),
  onOutput: (name, line) => console.error(name + ' | ' + line),
});
const lifecycle = new Lifecycle();
lifecycle.own('processes', () => supervisor.stopAll(), () => supervisor.forceKillAll());
exitOnShutdownSignals({ say: (message) => console.error(message), stopGracefully: () => lifecycle.stopAll(() => undefined), stopForcibly: () => lifecycle.forceStopAll() });
supervisor.start();
`;

interface StateLine {
  readonly name: string;
  readonly status: string;
  readonly pid: number | null;
  readonly restarts: number;
}

let dir: string;
let runner: ChildProcessWithoutNullStreams | undefined;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'tenure-supervisor-'));
});

afterEach(async () => {
  if (runner && runner.exitCode === null) runner.kill('SIGKILL');
  await rm(dir, { recursive: true, force: true });
});

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A zombie (dead, not yet reaped by whoever adopted it) does not count. */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^\S+ \(.*\) [ZX] /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

async function stillAliveAfterAWhile(pids: readonly number[]): Promise<readonly number[]> {
  const deadline = Date.now() + 3_000;
  while (pids.some(isAlive) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  return pids.filter(isAlive);
}

async function recordedPids(): Promise<ReadonlyArray<{ name: string; what: string; pid: number }>> {
  const lines = (await readFile(path.join(dir, 'pids.log'), 'utf8')).trim().split('\n');
  return lines.map((line) => {
    const [name = '', what = '', pid = ''] = line.split(' ');
    return { name, what, pid: Number(pid) };
  });
}

interface RunningRunner {
  readonly process: ChildProcessWithoutNullStreams;
  readonly of: (name: string) => StateLine[];
  readonly waitFor: (what: string, predicate: () => boolean) => Promise<void>;
  readonly exitCode: () => Promise<number | null>;
}

async function startRunner(modes: Readonly<Record<string, string>>): Promise<RunningRunner> {
  await writeFile(path.join(dir, 'service.js'), serviceScript);
  await writeFile(path.join(dir, 'runner.ts'), runnerScript(__dirname));
  const specs: ProcessSpec[] = [];
  for (const [name, mode] of Object.entries(modes)) {
    const port = await freePort();
    specs.push({
      name,
      command: process.execPath,
      args: [path.join(dir, 'service.js'), name, String(port), dir, mode],
      cwd: dir,
      env: {},
      readyUrl: `http://127.0.0.1:${port}/ready`,
      port,
    });
  }
  // Lets the runner load this project's TypeScript sources without a build.
  const registerTypeScript = path.resolve(__dirname, '..', '..', 'platform', 'src', 'testing', 'register-typescript.js');
  const started = spawn(process.execPath, ['-r', registerTypeScript, path.join(dir, 'runner.ts'), JSON.stringify(specs)], {
    cwd: __dirname,
  });
  runner = started;
  const exited = new Promise<number | null>((resolve) => started.once('exit', (code) => resolve(code)));
  const states: StateLine[] = [];
  const waiters: Array<() => void> = [];
  readline.createInterface({ input: started.stdout }).on('line', (line) => {
    states.push(JSON.parse(line) as StateLine);
    waiters.forEach((check) => check());
  });
  let stderr = '';
  started.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return {
    process: started,
    of: (name) => states.filter((state) => state.name === name),
    exitCode: () => exited,
    waitFor: (what, predicate) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`timed out waiting until ${what}; states: ${JSON.stringify(states)}\n${stderr}`)),
          15_000,
        );
        const check = (): void => {
          if (predicate()) {
            clearTimeout(timer);
            resolve();
          }
        };
        waiters.push(check);
        check();
      }),
  };
}

describe('supervisor with real processes', () => {
  it('restarts only the process that crashed, gives up on one that cannot run, and stops all on SIGINT', async () => {
    const {
      process: started,
      of,
      waitFor,
      exitCode,
    } = await startRunner({ steady: 'with-helper', flaky: 'crash-once', doomed: 'always-crash' });

    await waitFor('flaky was restarted and is ready again', () =>
      of('flaky').some((state) => state.status === 'ready' && state.restarts === 1),
    );
    await waitFor('doomed was given up on', () => of('doomed').some((state) => state.status === 'failed'));

    const flaky = of('flaky');
    expect(flaky.map((state) => state.status)).toEqual(['starting', 'ready', 'crashed', 'starting', 'ready']);
    expect(flaky[3]?.pid).not.toBe(flaky[0]?.pid);
    expect(of('steady').map((state) => state.status)).toEqual(['starting', 'ready']);
    expect(of('doomed').map((state) => state.status)).toEqual(['starting', 'crashed', 'starting', 'crashed', 'starting', 'failed']);

    const pids = await recordedPids();
    const steadyPids = pids.filter((entry) => entry.name === 'steady' && entry.what === 'main');
    expect(steadyPids).toHaveLength(1);
    expect(steadyPids[0]?.pid).toBe(of('steady')[0]?.pid);
    expect(isAlive(steadyPids[0]?.pid ?? 0)).toBe(true);

    started.kill('SIGINT');
    expect(await exitCode()).toBe(0);
    expect(of('steady').at(-1)?.status).toBe('stopped');
    expect(of('flaky').at(-1)?.status).toBe('stopped');
    // Every process it ever ran is gone, including the helper the steady service started itself.
    // The helper was signalled with its group; it may take a moment to die and be reaped by its adopter.
    expect(await stillAliveAfterAWhile(pids.map((entry) => entry.pid))).toEqual([]);
  });

  it('kills at once, on a second SIGINT, a process that ignores SIGTERM', async () => {
    const { process: started, of, waitFor, exitCode } = await startRunner({ stubborn: 'ignore-sigterm' });
    await waitFor('stubborn is ready', () => of('stubborn').some((state) => state.status === 'ready'));

    started.kill('SIGINT');
    await waitFor('stubborn is being stopped', () => of('stubborn').some((state) => state.status === 'stopping'));
    // One Ctrl-C can arrive twice at once (terminal and npm): a second signal counts only after a moment.
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(of('stubborn').at(-1)?.status).toBe('stopping');
    started.kill('SIGINT');

    expect(await exitCode()).toBe(130);
    expect(await stillAliveAfterAWhile((await recordedPids()).map((entry) => entry.pid))).toEqual([]);
  });
});
