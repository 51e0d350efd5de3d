import { type DynamicModule, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { PostgresEventStore } from '@tenure/event-store-postgres';
import type { EventStoreModuleOptions } from './event-store-module-options';
import { EventStoreSchema } from './event-store-schema';
import { EVENT_STORE, EVENT_STORE_OPTIONS } from './event-store.tokens';
import { openEventStore } from './open-event-store';

/**
 * Owns the service's one PostgreSQL event store: opened at start (its schema applied by
 * `EventStoreSchema`), exported as `EVENT_STORE`, closed after the HTTP server has closed.
 * Whatever runs on the store (projection runners, subscriptions) must stop before that, in
 * `beforeApplicationShutdown` at the latest.
 */
@Module({})
export class EventStoreModule implements OnApplicationShutdown {
  static forRoot(options: EventStoreModuleOptions): DynamicModule {
    return {
      module: EventStoreModule,
      providers: [
        { provide: EVENT_STORE_OPTIONS, useValue: options },
        { provide: EVENT_STORE, useFactory: () => openEventStore(options.databaseUrl, options.logger, options.personalDataKey) },
        EventStoreSchema,
      ],
      exports: [EVENT_STORE, EventStoreSchema],
    };
  }

  constructor(@Inject(EVENT_STORE) private readonly store: PostgresEventStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
