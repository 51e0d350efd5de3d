import { spawn, type ChildProcess } from 'node:child_process';
import readline from 'node:readline';
import type { ProcessSpec, SupervisionTimings } from './process-spec';
import { probeReadiness } from './readiness-probe';
import type { RestartPolicy } from './restart-policy';
import {
  decide,
  evolve,
  initialSupervisedState,
  isRunning,
  type SupervisedState,
  type SupervisionCommand,
  type SupervisionEvent,
} from './supervision';

export interface ProcessObserver {
  /** Called when the status changes (starting, ready, crashed, ...). */
  onStateChange(name: string, state: SupervisedState, cause: SupervisionEvent): void;
  onOutput(name: string, line: string, stream: 'stdout' | 'stderr'): void;
}

/**
 * Runs one process and acts on what the supervision decider decides: probes its readiness,
 * restarts it after a crash, stops it on request. The process gets its own process group, so
 * signals reach it and anything it spawned, and a terminal Ctrl-C reaches only the launcher.
 */
export class SupervisedProcess {
  private state: SupervisedState = initialSupervisedState();
  private probeTimer: NodeJS.Timeout | undefined;
  private restartTimer: NodeJS.Timeout | undefined;
  private killTimer: NodeJS.Timeout | undefined;
  private readonly stopWaiters: Array<() => void> = [];

  constructor(
    readonly spec: ProcessSpec,
    private readonly policy: RestartPolicy,
    private readonly timings: SupervisionTimings,
    private readonly observer: ProcessObserver,
    private readonly now: () => number = Date.now,
  ) {}

  get current(): SupervisedState {
    return this.state;
  }

  start(): void {
    if (this.state.status === 'waiting') this.spawnChild();
  }

  /** SIGTERM to its process group, SIGKILL after the stop timeout. Resolves once it has exited. */
  stop(): Promise<void> {
    const stopped = new Promise<void>((resolve) => {
      if (this.state.status === 'stopped') resolve();
      else this.stopWaiters.push(resolve);
    });
    this.dispatch({ type: 'RequestStop', at: this.now() });
    return stopped;
  }

  /** For a second Ctrl-C: no more waiting. */
  forceKill(): void {
    if (isRunning(this.state)) signalGroup(this.state.pid, 'SIGKILL');
  }

  private dispatch(command: SupervisionCommand): void {
    for (const event of decide(this.policy, command, this.state)) {
      const before = this.state;
      this.state = evolve(this.state, event);
      this.react(event);
      if (this.state.status !== before.status) this.observer.onStateChange(this.spec.name, this.state, event);
    }
  }

  private react(event: SupervisionEvent): void {
    switch (event.type) {
      case 'Spawned':
        this.scheduleProbe(0);
        return;
      case 'Crashed':
        this.clearTimers();
        this.restartTimer = setTimeout(() => this.spawnChild(), Math.max(event.restartAt - this.now(), 0));
        return;
      case 'GaveUp':
        this.clearTimers();
        return;
      case 'StopRequested':
        this.clearTimers();
        if (isRunning(this.state)) {
          const { pid } = this.state;
          signalGroup(pid, 'SIGTERM');
          this.killTimer = setTimeout(() => signalGroup(pid, 'SIGKILL'), this.timings.stopTimeoutMs);
        }
        return;
      case 'Stopped':
        this.clearTimers();
        this.stopWaiters.splice(0).forEach((resolve) => resolve());
        return;
      case 'BecameReady':
      case 'ProbeFailed':
      case 'ProbeSucceeded':
      case 'BecameUnready':
      case 'Ignored':
        return;
      default: {
        const unexpected: never = event;
        throw new Error(`Unhandled supervision event ${JSON.stringify(unexpected)}`);
      }
    }
  }

  private spawnChild(): void {
    this.restartTimer = undefined;
    if (this.state.status !== 'waiting' && this.state.status !== 'crashed') return;
    const { spec } = this;
    let child: ChildProcess;
    try {
      child = spawn(spec.command, [...spec.args], {
        cwd: spec.cwd,
        env: { ...process.env, ...spec.env },
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    } catch (error) {
      this.dispatch({ type: 'RecordSpawnFailure', error: (error as Error).message, at: this.now() });
      return;
    }
    let ended = false;
    child.once('error', (error) => {
      if (ended) return;
      ended = true;
      if (child.pid === undefined) this.dispatch({ type: 'RecordSpawnFailure', error: error.message, at: this.now() });
      else this.dispatch({ type: 'RecordExit', exit: { code: null, signal: null, error: error.message }, at: this.now() });
    });
    child.once('exit', (code, signal) => {
      if (ended) return;
      ended = true;
      // Whatever it started and left behind in its group would hold its port against the restart.
      if (child.pid !== undefined) signalGroup(child.pid, 'SIGKILL');
      this.dispatch({ type: 'RecordExit', exit: { code, signal }, at: this.now() });
    });
    this.forwardLines(child, 'stdout');
    this.forwardLines(child, 'stderr');
    if (child.pid !== undefined) this.dispatch({ type: 'RecordSpawn', pid: child.pid, at: this.now() });
  }

  private forwardLines(child: ChildProcess, stream: 'stdout' | 'stderr'): void {
    const input = child[stream];
    if (!input) return;
    readline.createInterface({ input, crlfDelay: Infinity }).on('line', (line) => this.observer.onOutput(this.spec.name, line, stream));
  }

  private scheduleProbe(delayMs: number): void {
    this.probeTimer = setTimeout(() => void this.probe(), delayMs);
  }

  private async probe(): Promise<void> {
    const probed = this.state;
    if (!isRunning(probed) || probed.status === 'stopping') return;
    const ready = this.spec.readyUrl === undefined ? true : await probeReadiness(this.spec.readyUrl, this.timings.probeTimeoutMs);
    const current = this.state;
    // The answer belongs to the process we asked; it may have died or been replaced meanwhile.
    if (!isRunning(current) || current.status === 'stopping' || current.pid !== probed.pid) return;
    this.dispatch({ type: 'RecordProbe', ready, at: this.now() });
    const next = this.state.status === 'ready' ? this.timings.probeWhileRunningMs : this.timings.probeWhileStartingMs;
    this.scheduleProbe(next);
  }

  private clearTimers(): void {
    for (const timer of [this.probeTimer, this.restartTimer, this.killTimer]) if (timer) clearTimeout(timer);
    this.probeTimer = this.restartTimer = this.killTimer = undefined;
  }
}

/** Signals a whole process group (the child and its descendants); one that is already gone is fine. */
function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // ESRCH: nothing left in the group.
  }
}
