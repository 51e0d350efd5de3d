import { startProjection, type PostgresEventStore, type Projection, type RunningProjection } from '@tenure/event-store-postgres';
import type { Logger } from '@tenure/platform';
import type { SchemaReadiness } from '../event-store/event-store-schema';
import { backgroundStatusOf } from './background-status';

/** Something started beside the projections (a timer worker, a subscription) that must stop before the store closes. */
export interface Stoppable {
  stop(): Promise<void>;
}

/**
 * A service's background work — its projections and whatever else `startExtras` starts — run once
 * the event store schema is applied (which may be after the service listens, when the database
 * comes up late) and stopped before the store closes. A stop during the start waits for the start,
 * so nothing is left running on a closed pool.
 */
export class BackgroundWork {
  private readonly running: RunningProjection[] = [];
  private readonly extras: Stoppable[] = [];
  private started: Promise<void> | undefined;
  private stopping = false;

  constructor(
    private readonly options: {
      readonly store: PostgresEventStore;
      readonly schema: SchemaReadiness;
      readonly logger: Logger;
      readonly projections: readonly Projection[];
      readonly startExtras?: () => readonly Stoppable[];
    },
  ) {}

  /**
   * Call from `onApplicationBootstrap` and return its promise: when the schema is already applied it
   * resolves once the projections are set up (their tables exist before the service listens);
   * otherwise at once, and the work starts whenever the schema gets applied.
   */
  start(): Promise<void> {
    this.started = this.options.schema.whenApplied().then(() => this.startNow());
    return this.options.schema.isApplied ? this.started : Promise.resolve();
  }

  /**
   * Resolves when every projection (or only those named in `only`) has applied everything committed
   * so far (read-your-writes). A process that reads a few read models waits for those alone, not
   * for the slowest of all.
   */
  async caughtUp(timeoutMs = 10_000, only?: readonly string[]): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`background work not running after ${timeoutMs} ms (is the database reachable?)`)),
        timeoutMs,
      );
    });
    try {
      await Promise.race([this.started ?? Promise.resolve(), timeout]);
      const waitedFor = only ? this.running.filter((projection) => only.includes(projection.name)) : this.running;
      await Promise.all(waitedFor.map((projection) => projection.waitUntilCaughtUp(timeoutMs)));
    } finally {
      clearTimeout(timer);
    }
  }

  /** Call from `beforeApplicationShutdown`. */
  async stop(): Promise<void> {
    this.stopping = true;
    // If the schema was never applied, `started` never settles and nothing was started.
    if (this.options.schema.isApplied) await this.started;
    await Promise.all(this.extras.map((extra) => extra.stop()));
    await Promise.all(this.running.map((projection) => projection.stop()));
  }

  private async startNow(): Promise<void> {
    const { store, logger } = this.options;
    for (const projection of this.options.projections) {
      if (this.stopping) return;
      this.running.push(
        await startProjection({
          pool: store.pool,
          notifier: store.wakeups,
          projection,
          onStopped: (error) => {
            logger.error({ err: error, projection: projection.name }, 'projection stopped');
            // Until a restart the read model no longer follows the log: /ready says so.
            backgroundStatusOf(store).recordStopped(`projection:${projection.name}`);
          },
        }),
      );
    }
    if (this.stopping) return;
    this.extras.push(...(this.options.startExtras?.() ?? []));
    logger.info({ projections: this.options.projections.map((p) => p.name) }, 'background work running');
  }
}
