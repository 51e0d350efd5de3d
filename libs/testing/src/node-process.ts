import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface LogLine {
  readonly msg?: string;
  readonly [key: string]: unknown;
}

export interface Exit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

/** A Node program run as its own process, whose pino JSON log lines can be awaited. */
export class NodeProcess {
  readonly logs: LogLine[] = [];
  private readonly output: string[] = [];
  private readonly exited: Promise<Exit>;
  private waiters: Array<() => void> = [];

  private constructor(
    readonly name: string,
    private readonly child: ChildProcess,
  ) {
    // 'close', not 'exit': only then has all of its output been read, including the last log lines of its shutdown.
    this.exited = new Promise((resolve) => child.once('close', (code, signal) => resolve({ code, signal })));
    void this.exited.then(() => this.notify());
    createInterface({ input: child.stdout! }).on('line', (line) => this.record(line, true));
    createInterface({ input: child.stderr! }).on('line', (line) => this.record(line, false));
  }

  static start(name: string, script: string, env: Readonly<Record<string, string>>): NodeProcess {
    const child = spawn(process.execPath, [script], {
      env: { PATH: process.env['PATH'] ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return new NodeProcess(name, child);
  }

  /** Resolves with the first log line carrying `msg`; fails with the process's output if it exits or takes too long. */
  waitForLog(msg: string, timeoutMs = 20_000): Promise<LogLine> {
    return this.waitUntil(() => this.logs.find((log) => log.msg === msg), `log "${msg}"`, timeoutMs);
  }

  /** Resolves with the first output line (any stream, any format) containing `text`; fails like waitForLog. */
  waitForOutput(text: string, timeoutMs = 20_000): Promise<string> {
    return this.waitUntil(() => this.output.find((line) => line.includes(text)), `print "${text}"`, timeoutMs);
  }

  private async waitUntil<Found>(find: () => Found | undefined, what: string, timeoutMs: number): Promise<Found> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = find();
      if (found !== undefined) return found;
      if (this.child.exitCode !== null || this.child.signalCode !== null || Date.now() > deadline) {
        throw new Error(
          `${this.name} did not ${what} (${this.child.exitCode !== null ? `exited with ${this.child.exitCode}` : 'timed out'}); its output:\n${this.output.slice(-300).join('\n')}`,
        );
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 100);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Sends the signal and waits for the exit; kills the process if it has not exited in time. */
  async stop(signal: NodeJS.Signals = 'SIGTERM', timeoutMs = 10_000): Promise<Exit> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill(signal);
    const timer = setTimeout(() => this.child.kill('SIGKILL'), timeoutMs);
    try {
      return await this.exited;
    } finally {
      clearTimeout(timer);
    }
  }

  private record(line: string, fromStdout: boolean): void {
    this.output.push(line);
    if (fromStdout && line.startsWith('{')) {
      try {
        this.logs.push(JSON.parse(line) as LogLine);
      } catch {
        // not a log line; kept in the output for diagnostics
      }
    }
    this.notify();
  }

  private notify(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }
}
