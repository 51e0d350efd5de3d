import { exponentialBackoff, withRetries, type RecordedEvent } from '@tenure/event-sourcing';
import { CheckpointedProcess, type PostgresEventStore } from '@tenure/event-store-postgres';
import type { Logger } from '@tenure/platform';
import { latestValidVersionNumber, refusedVersionsAfter } from '../read-model/workflow-policy-versions/workflow-policy-versions.queries';
import type { BirthrightAssigner } from './birthright-assigner';
import { BIRTHRIGHT_EVENT_TYPES, BIRTHRIGHT_STREAM_PREFIXES, birthrightScope, isEmptyScope } from './birthright-scope';
import { backgroundStatusOf } from '@tenure/service-runtime';

/** The checkpoint under which the process remembers how far it has read the log. */
export const BIRTHRIGHT_CHECKPOINT = 'workflow-birthright';

/**
 * Runs joiner, mover and leaver on the events that change birthright: identity lifecycle events and
 * policy publications. Not a projection, because it appends events: it follows the log with a
 * checkpoint of its own, one pass per batch, and stores the checkpoint after the pass. A crash in
 * between repeats the pass, which records nothing twice: re-evaluations ask only for what is not
 * assigned yet, and each identity's assignments remember the last termination or rehire they applied.
 */
export class BirthrightProcess {
  private readonly process: CheckpointedProcess;

  constructor(
    private readonly store: PostgresEventStore,
    private readonly assigner: BirthrightAssigner,
    private readonly logger: Logger,
  ) {
    this.process = new CheckpointedProcess({
      pool: store.pool,
      notifier: store.wakeups,
      leases: store.leases,
      checkpoint: BIRTHRIGHT_CHECKPOINT,
      filter: { streamPrefixes: BIRTHRIGHT_STREAM_PREFIXES, eventTypes: BIRTHRIGHT_EVENT_TYPES },
      handle: (events) => this.answer(events),
      onFailed: (error, when) => {
        logger.error(
          { err: error },
          when === 'start' ? 'birthright process could not start' : 'birthright process stopped: assignments no longer follow identities',
        );
        backgroundStatusOf(store).recordStopped(`process:${BIRTHRIGHT_CHECKPOINT}`);
      },
    });
  }

  /** Resolves once every relevant event committed so far has been answered. */
  async waitUntilCaughtUp(timeoutMs = 30_000): Promise<void> {
    await this.process.waitUntilCaughtUp(timeoutMs);
  }

  async stop(): Promise<void> {
    await this.process.stop();
  }

  private async answer(events: readonly RecordedEvent[]): Promise<void> {
    const scope = birthrightScope(events);
    // Most revocations it reads are its own leaver and mover work, which asks nothing more of it:
    // such a batch does not wait for the read models, so the next termination does not queue behind it.
    if (isEmptyScope(scope)) return;
    const outcome = await withRetries(() => this.assigner.run(scope), { maxAttempts: 5, delayMs: exponentialBackoff(100, 5_000) });
    if (outcome.recorded > 0) this.logger.info({ ...outcome, events: events.length }, 'birthright pass recorded changes');
    if (scope.publication) await this.reportRefusedVersions();
  }

  /** A published version that fails validation is never used: say so loudly, and which version is used instead. */
  private async reportRefusedVersions(): Promise<void> {
    const used = await latestValidVersionNumber(this.store.pool);
    for (const refused of await refusedVersionsAfter(this.store.pool, used)) {
      this.logger.error(
        { version: refused.version, problems: refused.problems, usedVersion: used },
        'published policy version is not valid: birthright stays on the last valid version',
      );
    }
  }
}
