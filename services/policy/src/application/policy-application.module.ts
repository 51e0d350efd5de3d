import { type BeforeApplicationShutdown, Inject, Injectable, Module, type OnApplicationBootstrap } from '@nestjs/common';
import type { Clock, IdGenerator } from '@tenure/event-sourcing';
import type { PostgresEventStore } from '@tenure/event-store-postgres';
import type { Logger } from '@tenure/platform';
import { CLOCK, EVENT_STORE, EventStoreSchema, ID_GENERATOR, LOGGER } from '@tenure/service-runtime';
import { AssignmentsAsHeldEntitlements, HELD_ENTITLEMENTS, type HeldEntitlements } from './held-entitlements';
import { PolicyAdministration } from './policy-administration';
import { PolicyQueries } from './policy-queries';
import { PolicyRuntime } from './policy-runtime';

/** Starts the read models, detective SoD and the expiry timer with the service, and stops them before the store closes. */
@Injectable()
export class PolicyBackground implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(@Inject(PolicyRuntime) private readonly runtime: PolicyRuntime) {}

  onApplicationBootstrap(): Promise<void> {
    return this.runtime.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.runtime.stop();
  }
}

/**
 * The policy application for the subgraph: import this module and inject `PolicyAdministration`
 * and `PolicyQueries`. What identities hold comes from HELD_ENTITLEMENTS: policy's copy of the
 * workflow service's assignments (see held-entitlements.ts).
 */
@Module({
  providers: [
    {
      provide: HELD_ENTITLEMENTS,
      inject: [EVENT_STORE],
      useFactory: (store: PostgresEventStore): HeldEntitlements => new AssignmentsAsHeldEntitlements(store.pool),
    },
    {
      provide: PolicyRuntime,
      inject: [EVENT_STORE, EventStoreSchema, CLOCK, ID_GENERATOR, LOGGER, HELD_ENTITLEMENTS],
      useFactory: (
        store: PostgresEventStore,
        schema: EventStoreSchema,
        clock: Clock,
        ids: IdGenerator,
        logger: Logger,
        held: HeldEntitlements,
      ) => new PolicyRuntime({ store, schema, clock, ids, logger, held }),
    },
    { provide: PolicyAdministration, inject: [PolicyRuntime], useFactory: (runtime: PolicyRuntime) => runtime.administration },
    { provide: PolicyQueries, inject: [PolicyRuntime], useFactory: (runtime: PolicyRuntime) => runtime.queries },
    PolicyBackground,
  ],
  exports: [PolicyAdministration, PolicyQueries, PolicyRuntime, HELD_ENTITLEMENTS],
})
export class PolicyApplicationModule {}
