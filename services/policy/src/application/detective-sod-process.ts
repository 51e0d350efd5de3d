import { currentCorrelationId, exponentialBackoff, withRetries, type RecordedEvent } from '@tenure/event-sourcing';
import { CheckpointedProcess, type PostgresEventStore } from '@tenure/event-store-postgres';
import type { Logger } from '@tenure/platform';
import { affectedBy, DETECTIVE_SOD_EVENT_TYPES, DETECTIVE_SOD_STREAM_PREFIXES } from './detective-sod-scope';
import type { DetectiveSod } from './detective-sod';
import { backgroundStatusOf } from '@tenure/service-runtime';

/** The checkpoint under which the process remembers how far it has read the log. */
export const DETECTIVE_SOD_CHECKPOINT = 'policy-detective-sod';

/**
 * Runs detective SoD on the events that can change a verdict: identity changes, publications,
 * exceptions granted and revoked (expiry is a timer, see sod-exception-expiry-timer.ts). Not a
 * projection, because it appends events: it follows the log with a checkpoint of its own, one
 * pass per batch of events, and stores the checkpoint after the pass. A crash in between repeats
 * the pass, which records nothing new (the per-identity decider records differences only).
 */
export class DetectiveSodProcess {
  private readonly process: CheckpointedProcess;

  constructor(
    private readonly store: PostgresEventStore,
    private readonly detective: DetectiveSod,
    private readonly logger: Logger,
  ) {
    this.process = new CheckpointedProcess({
      pool: store.pool,
      notifier: store.wakeups,
      leases: store.leases,
      checkpoint: DETECTIVE_SOD_CHECKPOINT,
      filter: { streamPrefixes: DETECTIVE_SOD_STREAM_PREFIXES, eventTypes: DETECTIVE_SOD_EVENT_TYPES },
      handle: (events) => this.answer(events),
      onFailed: (error, when) => {
        logger.error({ err: error }, when === 'start' ? 'detective SoD could not start' : 'detective SoD stopped');
        backgroundStatusOf(store).recordStopped(`process:${DETECTIVE_SOD_CHECKPOINT}`);
      },
    });
  }

  /** Resolves once every relevant event committed so far has been checked. */
  async waitUntilCaughtUp(timeoutMs = 30_000): Promise<void> {
    await this.process.waitUntilCaughtUp(timeoutMs);
  }

  async stop(): Promise<void> {
    await this.process.stop();
  }

  private async answer(events: readonly RecordedEvent[]): Promise<void> {
    const last = events[events.length - 1]!;
    // Correlated with the request the events came from when they share one (CheckpointedProcess
    // sets it); else the pass is named after the last event it answers, for auditors following causes.
    const correlationId = currentCorrelationId() ?? last.metadata.eventId;
    const outcome = await withRetries(() => this.detective.recheckAffected(affectedBy(events), correlationId), {
      maxAttempts: 5,
      delayMs: exponentialBackoff(100, 5_000),
    });
    if (outcome.recorded > 0) this.logger.info({ ...outcome, events: events.length }, 'detective SoD recorded changes');
  }
}
