import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { freePort } from '@tenure/platform';
import { createInterface } from 'node:readline';
import { sleep } from '../../measure/timing';

const KEPT_OUTPUT_LINES = 200;

/**
 * A service or the gateway run from its build output as its own Node.js process, as the launcher
 * runs it: its own event loop and heap, reached over loopback HTTP. The bench may not import the
 * apps (Nx module boundaries), and a benchmark of the gateway must pay for the real hops anyway.
 */
export class PlatformProcess {
  private readonly output: string[] = [];
  private readonly exited: Promise<void>;

  private constructor(
    readonly name: string,
    readonly origin: string,
    private readonly child: ChildProcess,
  ) {
    this.exited = new Promise((resolve) => child.once('close', () => resolve()));
    for (const stream of [child.stdout!, child.stderr!]) createInterface({ input: stream }).on('line', (line) => this.keep(line));
  }

  /** Starts `script` on a free loopback port and waits until its `/ready` answers 200. */
  static async start(
    name: string,
    script: string,
    env: Readonly<Record<string, string>>,
    readyTimeoutMs = 120_000,
  ): Promise<PlatformProcess> {
    if (!existsSync(script)) throw new Error(`${script} is missing: build it first (npm run bench builds it)`);
    const port = await freePort();
    const child = spawn(process.execPath, [script], {
      env: { PATH: process.env['PATH'] ?? '', HOST: '127.0.0.1', PORT: String(port), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const started = new PlatformProcess(name, `http://127.0.0.1:${port}`, child);
    await started.waitUntilReady(readyTimeoutMs);
    return started;
  }

  get graphqlUrl(): string {
    return `${this.origin}/graphql`;
  }

  /** The kernel's high-water mark of the process's resident memory (Linux `VmHWM`), in MB; undefined elsewhere. */
  peakRssMb(): number | undefined {
    try {
      const status = readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
      const kilobytes = /^VmHWM:\s+(\d+) kB/m.exec(status)?.[1];
      return kilobytes === undefined ? undefined : Number(kilobytes) / 1024;
    } catch {
      return undefined;
    }
  }

  /** SIGTERM, then SIGKILL if it has not exited within `timeoutMs`. */
  async stop(timeoutMs = 10_000): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), timeoutMs);
    try {
      await this.exited;
    } finally {
      clearTimeout(timer);
    }
  }

  private async waitUntilReady(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (this.child.exitCode !== null || this.child.signalCode !== null)
        throw this.failure(`exited (${this.child.exitCode ?? this.child.signalCode})`);
      if (Date.now() > deadline) throw this.failure(`was not ready after ${timeoutMs} ms`);
      try {
        if ((await fetch(`${this.origin}/ready`)).status === 200) return;
      } catch {
        // not listening yet
      }
      await sleep(200);
    }
  }

  private failure(what: string): Error {
    return new Error(`${this.name} ${what}; its last output:\n${this.output.join('\n')}`);
  }

  private keep(line: string): void {
    this.output.push(line);
    if (this.output.length > KEPT_OUTPUT_LINES) this.output.shift();
  }
}
