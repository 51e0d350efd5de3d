import { ConnectorError } from '@tenure/connector-sdk';
import { seededRandom } from './seeded-random';

export interface NetworkFaults {
  readonly latencyMs: number;
  readonly errorRate: number;
  readonly timeoutRate: number;
  /** Calls per second; null for no limit. */
  readonly rateLimit: number | null;
  readonly seed: number;
}

/** Time, injected so that rate-limit tests and benchmarks control it. */
export interface SimulatedTime {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realTime: SimulatedTime = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

const RATE_WINDOW_MS = 1000;

/**
 * What stands between the connector and the simulated application: a round trip of `latencyMs`,
 * a rate limit per one-second window, and seeded random failures. One draw per call decides its
 * fate, so the same seed and the same sequence of calls fail at the same places.
 */
export class SimulatedNetwork {
  private readonly random: () => number;
  private windowStart = Number.NEGATIVE_INFINITY;
  private callsInWindow = 0;

  constructor(
    private readonly application: string,
    private readonly faults: NetworkFaults,
    private readonly time: SimulatedTime = realTime,
  ) {
    this.random = seededRandom(faults.seed);
  }

  /**
   * Runs `work` as the application would on receiving the call. A timed-out call may still have
   * been applied (the answer was lost, not the request): half of them are, so callers must retry
   * idempotently, as with a real slow target.
   */
  async call<T>(work: () => T): Promise<T> {
    this.admit();
    if (this.faults.latencyMs > 0) await this.time.sleep(this.faults.latencyMs);
    const draw = this.random();
    if (draw < this.faults.timeoutRate) {
      if (draw < this.faults.timeoutRate / 2) applyIgnoringOutcome(work);
      throw new ConnectorError('timeout', `simulated ${this.application}: no answer in time`);
    }
    if (draw < this.faults.timeoutRate + this.faults.errorRate) {
      throw new ConnectorError('unavailable', `simulated ${this.application}: 503 Service Unavailable`);
    }
    return work();
  }

  private admit(): void {
    const limit = this.faults.rateLimit;
    if (limit === null) return;
    const now = this.time.now();
    if (now - this.windowStart >= RATE_WINDOW_MS) {
      this.windowStart = now;
      this.callsInWindow = 0;
    }
    if (this.callsInWindow >= limit) {
      const retryAfterMs = Math.max(1, this.windowStart + RATE_WINDOW_MS - now);
      throw new ConnectorError('rate-limited', `simulated ${this.application}: 429 Too Many Requests (limit ${limit}/s)`, { retryAfterMs });
    }
    this.callsInWindow += 1;
  }
}

function applyIgnoringOutcome(work: () => unknown): void {
  try {
    work();
  } catch {
    // The caller only ever sees the timeout.
  }
}
