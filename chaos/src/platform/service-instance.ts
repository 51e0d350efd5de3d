import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { freePort } from '@tenure/platform';

const KEPT_LINES = 400;

/**
 * One instance of a service, run from its build output as its own process on a port of its own, as
 * the launcher runs it. `kill` is SIGKILL: no shutdown hook runs, no connection is closed politely;
 * `restart` starts it again on the same port, as a supervisor or Kubernetes would.
 */
export class ServiceInstance {
  private child: ChildProcess | undefined;
  private readonly output: string[] = [];
  /** Exits nobody asked for (not a kill, not a stop): each is a finding, with what the process said last. */
  readonly unexpectedExits: string[] = [];
  private readonly expectedExits = new WeakSet<ChildProcess>();

  private constructor(
    readonly name: string,
    private readonly script: string,
    private readonly env: Readonly<Record<string, string>>,
    readonly port: number,
  ) {}

  static async start(name: string, script: string, env: Readonly<Record<string, string>>): Promise<ServiceInstance> {
    const instance = new ServiceInstance(name, script, env, await freePort());
    instance.spawn();
    try {
      await instance.waitUntilReady();
    } catch (error) {
      await instance.kill();
      throw error;
    }
    return instance;
  }

  get origin(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** SIGKILL; resolves once the process is gone. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || !this.running) return;
    this.expectedExits.add(child);
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGKILL');
    await exited;
  }

  async restart(): Promise<void> {
    if (this.running) return;
    this.spawn();
    await this.waitUntilReady();
  }

  /** SIGTERM (a graceful stop), SIGKILL after `timeoutMs`. */
  async stop(timeoutMs = 15_000): Promise<void> {
    const child = this.child;
    if (!child || !this.running) return;
    this.expectedExits.add(child);
    const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    await closed;
    clearTimeout(timer);
  }

  /** The last lines it wrote (all runs), for a failure message. */
  tail(lines = 60): string {
    return this.output.slice(-lines).join('\n');
  }

  /** Its log lines at level error or above (pino's 50+), over all its runs. */
  errorLines(): string[] {
    return this.output.filter((line) => /"level":(50|60)/.test(line));
  }

  private spawn(): void {
    const child = spawn(process.execPath, [this.script], {
      env: { PATH: process.env['PATH'] ?? '', HOST: '127.0.0.1', PORT: String(this.port), ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    for (const stream of [child.stdout!, child.stderr!])
      createInterface({ input: stream }).on('line', (line) => {
        this.output.push(line);
        if (this.output.length > KEPT_LINES * 10) this.output.splice(0, this.output.length - KEPT_LINES * 5);
      });
    child.once('close', (code, signal) => {
      if (!this.expectedExits.has(child)) this.unexpectedExits.push(`${this.name} exited by itself (${code ?? signal}):\n${this.tail(80)}`);
    });
    this.child = child;
  }

  private async waitUntilReady(timeoutMs = 120_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (!this.running) throw new Error(`${this.name} exited while starting:\n${this.tail()}`);
      if (Date.now() > deadline) throw new Error(`${this.name} was not ready after ${timeoutMs} ms:\n${this.tail()}`);
      try {
        if ((await fetch(`${this.origin}/ready`)).status === 200) return;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}
