/** One program the supervisor keeps running. */
export interface ProcessSpec {
  readonly name: string;
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd: string;
  /** Added to the launcher's own environment. */
  readonly env: Readonly<Record<string, string>>;
  /** Answers 2xx (or a redirect) once the process can do its work. Without it, a running process counts as ready. */
  readonly readyUrl?: string;
  /** Shown in the status table. */
  readonly port?: number;
}

export interface SupervisionTimings {
  /** Probe often while a process starts, so "ready" shows up promptly... */
  readonly probeWhileStartingMs: number;
  /** ...and calmly once it runs. */
  readonly probeWhileRunningMs: number;
  readonly probeTimeoutMs: number;
  /** After SIGTERM, how long a process may take to exit before it gets SIGKILL. */
  readonly stopTimeoutMs: number;
}

export const DEFAULT_SUPERVISION_TIMINGS: SupervisionTimings = {
  probeWhileStartingMs: 250,
  probeWhileRunningMs: 2_000,
  probeTimeoutMs: 1_000,
  stopTimeoutMs: 10_000,
};
