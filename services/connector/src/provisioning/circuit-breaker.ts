import type { Clock } from '@tenure/event-sourcing';

export interface CircuitSettings {
  /** Consecutive retryable failures that open the circuit. */
  readonly failureThreshold: number;
  /** How long an open circuit stays open before one trial operation is let through. */
  readonly openMs: number;
}

export const DEFAULT_CIRCUIT_SETTINGS: CircuitSettings = { failureThreshold: 5, openMs: 30_000 };

/** What one operation learnt about the target: it answered, it failed in a way a retry may fix, or it was not asked. */
export type TargetOutcome =
  | { readonly kind: 'target-up' }
  | { readonly kind: 'target-down'; readonly errorKind: string; readonly message: string }
  | { readonly kind: 'not-asked' };

export type CircuitState = 'closed' | 'open' | 'half-open';

export interface CircuitView {
  readonly state: CircuitState;
  readonly consecutiveFailures: number;
  readonly openedAt: Date | null;
  /** When an open circuit lets a trial through. */
  readonly retryAt: Date | null;
  readonly lastFailure: { readonly kind: string; readonly message: string; readonly at: Date } | null;
  readonly lastSuccessAt: Date | null;
}

/**
 * One application's circuit breaker, in memory: after `failureThreshold` consecutive retryable
 * failures (the target is down or overloaded) it opens and the application's operations wait
 * instead of piling retries on it; after `openMs` one trial goes through, and its outcome closes
 * or reopens the circuit. Any answer that is not a retryable failure counts as the target being up.
 */
export class CircuitBreaker {
  private consecutiveFailures = 0;
  private openedAt: Date | null = null;
  private trialRunning = false;
  private lastFailure: CircuitView['lastFailure'] = null;
  private lastSuccessAt: Date | null = null;

  constructor(
    private readonly clock: Clock,
    private readonly settings: CircuitSettings,
  ) {}

  /** How many operations may start now, given `running` already running for the application and its `limit`. */
  admits(running: number, limit: number): number {
    switch (this.state()) {
      case 'closed':
        return Math.max(0, limit - running);
      case 'half-open':
        return this.trialRunning || running > 0 ? 0 : 1;
      case 'open':
        return 0;
    }
  }

  /** Call when an operation starts while the circuit is half-open: it is the trial. */
  started(): void {
    if (this.state() === 'half-open') this.trialRunning = true;
  }

  /** Call when an operation ends, with what the target did. */
  finished(outcome: TargetOutcome): void {
    if (outcome.kind === 'target-up') this.succeeded();
    else if (outcome.kind === 'target-down') this.failed(outcome.errorKind, outcome.message);
    // The target was not asked: the trial (if this was it) proves nothing, the next one may go.
    else this.trialRunning = false;
  }

  succeeded(): void {
    this.consecutiveFailures = 0;
    this.openedAt = null;
    this.trialRunning = false;
    this.lastSuccessAt = this.clock.now();
  }

  failed(kind: string, message: string): void {
    const now = this.clock.now();
    this.lastFailure = { kind, message, at: now };
    this.consecutiveFailures += 1;
    if (this.trialRunning || this.consecutiveFailures >= this.settings.failureThreshold) this.openedAt = now;
    this.trialRunning = false;
  }

  view(): CircuitView {
    const state = this.state();
    return {
      state,
      consecutiveFailures: this.consecutiveFailures,
      openedAt: this.openedAt,
      retryAt: this.openedAt && new Date(this.openedAt.getTime() + this.settings.openMs),
      lastFailure: this.lastFailure,
      lastSuccessAt: this.lastSuccessAt,
    };
  }

  private state(): CircuitState {
    if (this.openedAt === null) return 'closed';
    return this.clock.now().getTime() - this.openedAt.getTime() >= this.settings.openMs ? 'half-open' : 'open';
  }
}

/** The circuit breakers of every application this process provisions. */
export class CircuitBreakers {
  private readonly breakers = new Map<string, CircuitBreaker>();

  constructor(
    private readonly clock: Clock,
    private readonly settings: CircuitSettings = DEFAULT_CIRCUIT_SETTINGS,
  ) {}

  of(applicationId: string): CircuitBreaker {
    let breaker = this.breakers.get(applicationId);
    if (!breaker) this.breakers.set(applicationId, (breaker = new CircuitBreaker(this.clock, this.settings)));
    return breaker;
  }

  /** The application's circuit; closed for one this process has not provisioned to yet. */
  view(applicationId: string): CircuitView {
    return this.of(applicationId).view();
  }

  /**
   * For /ready: each circuit this process has used, without the errors' text (the endpoint is open to
   * probes; the messages are on the administrators' applicationHealth).
   */
  summary(): { applicationId: string; circuit: CircuitState; consecutiveFailures: number; retryAt: string | null }[] {
    return [...this.breakers].map(([applicationId, breaker]) => {
      const view = breaker.view();
      return {
        applicationId,
        circuit: view.state,
        consecutiveFailures: view.consecutiveFailures,
        retryAt: view.retryAt?.toISOString() ?? null,
      };
    });
  }
}
