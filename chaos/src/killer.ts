import type { ServiceInstance } from './platform/service-instance';
import type { Dice } from './random';

/**
 * Kills (SIGKILL) a randomly chosen service instance at random moments and starts it again after a
 * random pause, until stopped. Restarts run in the background, so two instances of one service
 * may be down at once, as in a bad hour in production.
 */
export class Killer {
  readonly killsByService = new Map<string, number>();
  private readonly killsOf = new Map<ServiceInstance, number>();
  private stopped = false;
  private readonly restarts = new Set<Promise<void>>();
  private loop: Promise<void> | undefined;
  readonly restartFailures: string[] = [];

  constructor(
    private readonly instances: readonly ServiceInstance[],
    private readonly dice: Dice,
    private readonly everyMs: readonly [number, number],
    private readonly downMs: readonly [number, number],
  ) {}

  get kills(): number {
    let total = 0;
    for (const count of this.killsByService.values()) total += count;
    return total;
  }

  start(): void {
    this.loop = this.run();
  }

  /** Stops killing, and waits until every instance is running again. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.loop;
    await Promise.all(this.restarts);
    for (const instance of this.instances) if (!instance.running) await this.restart(instance, 0);
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      await sleep(this.dice.between(...this.everyMs));
      if (this.stopped) return;
      // A starting instance may be picked too: a crash in the middle of start-up is part of the test.
      const running = this.instances.filter((instance) => instance.running);
      if (running.length === 0) continue;
      const victim = this.dice.pick(running);
      await victim.kill();
      this.killsOf.set(victim, (this.killsOf.get(victim) ?? 0) + 1);
      const service = victim.name.replace(/-\d+$/, '');
      this.killsByService.set(service, (this.killsByService.get(service) ?? 0) + 1);
      const restart = this.restart(victim, this.dice.between(...this.downMs));
      this.restarts.add(restart);
      void restart.finally(() => this.restarts.delete(restart));
    }
  }

  private async restart(instance: ServiceInstance, afterMs: number): Promise<void> {
    const killsBefore = this.killsOf.get(instance) ?? 0;
    await sleep(afterMs);
    try {
      await instance.restart();
    } catch (error) {
      // Killed again while starting: that kill's own restart takes over. Any other failure to start is a finding.
      if ((this.killsOf.get(instance) ?? 0) === killsBefore) this.restartFailures.push(`${instance.name}: ${(error as Error).message}`);
    }
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
