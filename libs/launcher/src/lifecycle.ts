/** Something the launcher started and must stop: gently on the first signal, at once on the second. */
interface OwnedResource {
  readonly name: string;
  readonly stop: () => Promise<void>;
  readonly forceStop: () => void | Promise<void>;
}

/**
 * What the launcher owns, in start order. Shutdown stops it in reverse order (the processes before
 * the database they use); a stop requested during start-up waits for the start-up to notice.
 */
export class Lifecycle {
  private readonly owned: OwnedResource[] = [];
  private stopping = false;
  private resolveStopRequested!: () => void;
  /** Settles when a stop is requested: start-up races its long waits against it. */
  readonly stopRequested = new Promise<void>((resolve) => (this.resolveStopRequested = resolve));

  get isStopping(): boolean {
    return this.stopping;
  }

  own(name: string, stop: () => Promise<void>, forceStop: () => void | Promise<void> = stop): void {
    this.owned.push({ name, stop, forceStop });
  }

  requestStop(): void {
    this.stopping = true;
    this.resolveStopRequested();
  }

  /** Stops everything owned, last started first; every one is tried even if another fails. */
  async stopAll(onFailure: (name: string, error: unknown) => void): Promise<void> {
    this.requestStop();
    for (const resource of [...this.owned].reverse()) {
      try {
        await resource.stop();
      } catch (error) {
        onFailure(resource.name, error);
      }
    }
    this.owned.length = 0;
  }

  async forceStopAll(): Promise<void> {
    this.requestStop();
    await Promise.allSettled([...this.owned].reverse().map(async (resource) => resource.forceStop()));
  }
}
