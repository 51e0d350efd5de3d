/** A piece of background work (a projection, a process) that stopped on an error and will not go on by itself. */
export interface StoppedWork {
  readonly name: string;
  /** When it stopped (ISO 8601). */
  readonly at: string;
}

/**
 * What of a service's background work has stopped: reported by the work itself, read by /ready. Kept
 * per event store (the service's one), so services started side by side in one process (tests) do
 * not see each other's.
 */
export class BackgroundStatus {
  private readonly stopped = new Map<string, StoppedWork>();

  recordStopped(name: string, at: Date = new Date()): void {
    this.stopped.set(name, { name, at: at.toISOString() });
  }

  get stoppedWork(): readonly StoppedWork[] {
    return [...this.stopped.values()];
  }
}

const statuses = new WeakMap<object, BackgroundStatus>();

/** The background status of the service whose event store this is. */
export function backgroundStatusOf(store: object): BackgroundStatus {
  let status = statuses.get(store);
  if (!status) statuses.set(store, (status = new BackgroundStatus()));
  return status;
}
