import {
  DomainError,
  exponentialBackoff,
  forEachGroupConcurrently,
  withRetries,
  WrongExpectedRevisionError,
  type RecordedEvent,
} from '@tenure/event-sourcing';
import { answeringEvent, CheckpointedProcess, type PostgresEventStore } from '@tenure/event-store-postgres';
import type { Logger } from '@tenure/platform';
import { backgroundStatusOf, type Stoppable } from '@tenure/service-runtime';

/** Keys answered side by side unless a follower says otherwise: each answer is a few round trips to PostgreSQL, mostly waiting. */
const DEFAULT_PARALLEL = 8;

export interface WorkflowFollowerOptions {
  readonly store: PostgresEventStore;
  readonly logger: Logger;
  /** For the logs: "<name> could not start", "<name> stopped". */
  readonly name: string;
  /** What is left undone while the follower is stopped, added to the "stopped" log (e.g. "moves are not reviewed"). */
  readonly whileStopped?: string;
  /** Where the follower resumes after a restart; renaming it answers the whole log again. */
  readonly checkpoint: string;
  readonly streamPrefixes: readonly string[];
  readonly eventTypes: readonly string[];
  /** Which of the filtered events need an answer (default: all). A batch with none is passed over without `beforeBatch`. */
  readonly needsAnswer?: (event: RecordedEvent) => boolean;
  /**
   * Events with the same key are answered in log order, different keys side by side. Without it the
   * whole batch is answered in log order, one event after the other (for answers that read or write
   * what another key's answer changes).
   */
  readonly keyOf?: (event: RecordedEvent) => string;
  /** How many keys are answered side by side (default 8). */
  readonly parallel?: number;
  /** Awaited once before answering a batch, e.g. until the read models the answers consult include it. */
  readonly beforeBatch?: () => Promise<void>;
  /** Answers one event; must be idempotent (decide from the state it changes): a batch is answered again after a crash or a retry. */
  readonly answer: (event: RecordedEvent) => Promise<void>;
  /**
   * Given, a refusal (see `isRefusal`) is the event's answer: it is passed here to be logged and the
   * follower goes on. Without it, a refusal is retried and then stops the follower like any error.
   */
  readonly onRefused?: (refusal: DomainError, event: RecordedEvent) => void;
}

/**
 * A process manager that follows the log from its own checkpoint and answers each event with
 * commands. A failing batch is retried with backoff; after the last attempt the follower stops
 * (logged) and resumes from its checkpoint at the next start.
 */
export class WorkflowFollower implements Stoppable {
  private readonly process: CheckpointedProcess;

  constructor(private readonly options: WorkflowFollowerOptions) {
    const { store, logger, name, whileStopped, checkpoint, streamPrefixes, eventTypes } = options;
    this.process = new CheckpointedProcess({
      pool: store.pool,
      notifier: store.wakeups,
      leases: store.leases,
      checkpoint,
      filter: { streamPrefixes, eventTypes },
      handle: (events) => withRetries(() => this.answerBatch(events), { maxAttempts: 5, delayMs: exponentialBackoff(100, 5_000) }),
      onFailed: (error, when) => {
        logger.error(
          { err: error, checkpoint },
          when === 'start' ? `${name} could not start` : `${name} stopped${whileStopped ? `: ${whileStopped}` : ''}`,
        );
        backgroundStatusOf(store).recordStopped(`process:${checkpoint}`);
      },
    });
  }

  /** Resolves once every matching event committed so far has been answered. */
  waitUntilCaughtUp(timeoutMs = 30_000): Promise<void> {
    return this.process.waitUntilCaughtUp(timeoutMs);
  }

  stop(): Promise<void> {
    return this.process.stop();
  }

  private async answerBatch(batch: readonly RecordedEvent[]): Promise<void> {
    const { needsAnswer, keyOf, parallel, beforeBatch } = this.options;
    const events = needsAnswer ? batch.filter(needsAnswer) : batch;
    if (events.length === 0) return;
    await beforeBatch?.();
    await forEachGroupConcurrently(events, keyOf ?? inLogOrder, parallel ?? DEFAULT_PARALLEL, (event) => this.answerOne(event));
  }

  private async answerOne(event: RecordedEvent): Promise<void> {
    const { answer, onRefused } = this.options;
    try {
      // Each answer with its event's correlation id: a batch may hold the work of several requests.
      await answeringEvent(event, () => answer(event));
    } catch (error) {
      if (!onRefused || !isRefusal(error)) throw error;
      onRefused(error, event);
    }
  }
}

/**
 * A domain error other than a concurrency conflict: the aggregate refused the command, and asking
 * again would be refused again. A conflict is not a refusal: answered again, it may succeed.
 */
export function isRefusal(error: unknown): error is DomainError {
  return error instanceof DomainError && !(error instanceof WrongExpectedRevisionError);
}

/** One key for the whole batch: every event in log order. */
const inLogOrder = (): string => 'batch';
