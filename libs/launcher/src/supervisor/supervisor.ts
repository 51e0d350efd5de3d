import { DEFAULT_SUPERVISION_TIMINGS, type ProcessSpec, type SupervisionTimings } from './process-spec';
import { DEFAULT_RESTART_POLICY, type RestartPolicy } from './restart-policy';
import type { StatusRow } from './status-table';
import { SupervisedProcess, type ProcessObserver } from './supervised-process';
import type { SupervisedState, SupervisionEvent } from './supervision';

export interface SupervisorOptions {
  readonly policy?: Partial<RestartPolicy>;
  readonly timings?: Partial<SupervisionTimings>;
  readonly onStateChange?: (name: string, state: SupervisedState, cause: SupervisionEvent) => void;
  readonly onOutput?: (name: string, line: string, stream: 'stdout' | 'stderr') => void;
  readonly now?: () => number;
}

const settledStatuses: ReadonlySet<SupervisedState['status']> = new Set(['ready', 'failed', 'stopping', 'stopped']);

/** Keeps several processes running, each on its own: one crashing or restarting leaves the others alone. */
export class Supervisor {
  private readonly processes: ReadonlyMap<string, SupervisedProcess>;
  private readonly changeListeners = new Set<() => void>();

  constructor(specs: readonly ProcessSpec[], options: SupervisorOptions = {}) {
    const policy = { ...DEFAULT_RESTART_POLICY, ...options.policy };
    const timings = { ...DEFAULT_SUPERVISION_TIMINGS, ...options.timings };
    const observer: ProcessObserver = {
      onStateChange: (name, state, cause) => {
        options.onStateChange?.(name, state, cause);
        this.changeListeners.forEach((listener) => listener());
      },
      onOutput: (name, line, stream) => options.onOutput?.(name, line, stream),
    };
    this.processes = new Map(specs.map((spec) => [spec.name, new SupervisedProcess(spec, policy, timings, observer, options.now)]));
  }

  start(names: readonly string[] = [...this.processes.keys()]): void {
    for (const name of names) this.process(name).start();
  }

  /**
   * Resolves once each named process is ready or has been given up on, or when `timeoutMs` passes
   * or `interrupted` settles first, with the names that are not ready.
   */
  waitUntilSettled(names: readonly string[], timeoutMs: number, interrupted?: Promise<unknown>): Promise<readonly string[]> {
    const notReady = (): readonly string[] => names.filter((name) => this.process(name).current.status !== 'ready');
    return new Promise((resolve) => {
      const finish = (): void => {
        clearTimeout(timer);
        this.changeListeners.delete(check);
        resolve(notReady());
      };
      const check = (): void => {
        if (names.every((name) => settledStatuses.has(this.process(name).current.status))) finish();
      };
      const timer = setTimeout(finish, timeoutMs);
      this.changeListeners.add(check);
      void interrupted?.then(finish, finish);
      check();
    });
  }

  /** Stops every process at once (SIGTERM, then SIGKILL after the stop timeout); resolves when all have exited. */
  async stopAll(): Promise<void> {
    await Promise.all([...this.processes.values()].map((process) => process.stop()));
  }

  forceKillAll(): void {
    for (const process of this.processes.values()) process.forceKill();
  }

  state(name: string): SupervisedState {
    return this.process(name).current;
  }

  rows(): readonly StatusRow[] {
    return [...this.processes.values()].map((process) => ({ name: process.spec.name, port: process.spec.port, state: process.current }));
  }

  private process(name: string): SupervisedProcess {
    const process = this.processes.get(name);
    if (!process) throw new Error(`No supervised process is called ${name}`);
    return process;
  }
}
