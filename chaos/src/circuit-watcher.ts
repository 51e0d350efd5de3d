import type { ServiceInstance } from './platform/service-instance';

interface CircuitSummary {
  readonly applicationId: string;
  readonly circuit: string;
}

/**
 * Reads the connector instances' /ready every second during the storm and remembers which
 * applications' circuits it saw open: the health report must show what the targets are doing.
 */
export class CircuitWatcher {
  readonly seenOpen = new Set<string>();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly connectors: readonly ServiceInstance[]) {}

  start(): void {
    this.timer = setInterval(() => void this.look(), 1_000);
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private async look(): Promise<void> {
    for (const instance of this.connectors) {
      if (!instance.running) continue;
      try {
        const body = (await (await fetch(`${instance.origin}/ready`, { signal: AbortSignal.timeout(2_000) })).json()) as {
          connectors?: CircuitSummary[];
        };
        for (const summary of body.connectors ?? []) if (summary.circuit !== 'closed') this.seenOpen.add(summary.applicationId);
      } catch {
        // killed or starting: the next look will tell
      }
    }
  }
}
