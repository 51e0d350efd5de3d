import { type BeforeApplicationShutdown, Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { migrate, type PostgresEventStore } from '@tenure/event-store-postgres';
import { PersonalDataKeyUnusable } from '@tenure/personal-data';
import { EVENT_STORE, EVENT_STORE_OPTIONS } from './event-store.tokens';
import type { EventStoreModuleOptions } from './event-store-module-options';

/** Back-off between attempts while the database cannot be reached: doubles from the first to the last. */
const FIRST_RETRY_MS = 250;
const LAST_RETRY_MS = 10_000;

/** What background work waits for: the event store schema applied (EventStoreSchema in a service). */
export interface SchemaReadiness {
  readonly isApplied: boolean;
  whenApplied(): Promise<void>;
}

/** For runtimes assembled outside Nest (tests, benchmarks, CLIs) on a store migrated beforehand. */
export const SCHEMA_MIGRATED_BEFOREHAND: SchemaReadiness = { isApplied: true, whenApplied: () => Promise.resolve() };

/**
 * Applies the event store schema (`migrate`, idempotent and serialised across processes) at start.
 * The first attempt runs before the service listens, so a service with a healthy database is ready
 * as soon as it answers. When the database cannot be reached yet the service starts anyway (alive,
 * not ready) and keeps trying in the background until it succeeds or the service shuts down.
 */
@Injectable()
export class EventStoreSchema implements OnApplicationBootstrap, BeforeApplicationShutdown, SchemaReadiness {
  private applied = false;
  private stopped = false;
  private retry: NodeJS.Timeout | undefined;
  private markApplied!: () => void;
  private readonly appliedOnce = new Promise<void>((resolve) => (this.markApplied = resolve));

  constructor(
    @Inject(EVENT_STORE) private readonly store: PostgresEventStore,
    @Inject(EVENT_STORE_OPTIONS) private readonly options: EventStoreModuleOptions,
  ) {}

  /** Whether this process has applied, or found applied, every migration it knows. */
  get isApplied(): boolean {
    return this.applied;
  }

  /** Resolves once the schema is applied: projection runners and timer workers start after it. */
  whenApplied(): Promise<void> {
    return this.appliedOnce;
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.attempt(1);
  }

  beforeApplicationShutdown(): void {
    this.stopped = true;
    clearTimeout(this.retry);
  }

  /** Rejects only for unusable personal data keys on the first attempt; any other failure schedules the next attempt. */
  private async attempt(attempt: number): Promise<void> {
    const { logger } = this.options;
    try {
      const { applied } = await migrate(this.store.pool);
      // Keys an earlier version stored unwrapped are wrapped now (recorded in their wrapped_at), and a
      // master key that does not open the stored keys stops the start here rather than at the first read.
      // Checked first, so that a wrong master key never wraps anything.
      await this.store.personalData.keys.assertMasterKeyOpensKeys();
      const wrappedKeys = await this.store.personalData.keys.wrapUnwrappedKeys();
      if (wrappedKeys > 0) logger.info({ wrappedKeys }, 'wrapped the personal data keys stored unwrapped with PERSONAL_DATA_KEY');
      this.applied = true;
      this.markApplied();
      logger.info({ applied, attempt }, 'event store schema ready');
    } catch (error) {
      if (this.stopped) return;
      if (error instanceof PersonalDataKeyUnusable) {
        // Not transient: retrying cannot help. The first attempt fails the start; a later one leaves the service not ready.
        logger.error({ problem: error.message }, 'personal data keys cannot be used');
        if (attempt === 1) throw error;
        return;
      }
      const retryInMs = Math.min(FIRST_RETRY_MS * 2 ** (attempt - 1), LAST_RETRY_MS);
      logger.warn({ err: error, attempt, retryInMs }, 'could not apply the event store schema; will retry');
      this.retry = setTimeout(() => void this.attempt(attempt + 1), retryInMs);
    }
  }
}
