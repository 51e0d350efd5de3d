import { Module } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Clock, IdGenerator } from '@tenure/event-sourcing';
import type { PostgresEventStore } from '@tenure/event-store-postgres';
import { CLOCK, EVENT_STORE, ID_GENERATOR } from '@tenure/service-runtime';
import { IdentityBackground } from '../application/identity-background';
import { massChangePolicyFromEnv } from '../hr-inputs/change-guard';
import { HrImportService } from './application/hr-import-service';
import { HrImportUnnamedRowsErasure } from './application/hr-import-unnamed-rows-erasure';
import { HrImportsBackground } from './hr-imports-background';
import { HrImportMetrics } from './hr-import-metrics';

/**
 * HR import runs in the running service (for the GraphQL upload and admin mutations). The directory's
 * catch-up comes from the application module, looked up when first needed (this module is created
 * before it); the identity commands are stateless, so the service makes its own over the same store.
 */
@Module({
  providers: [
    HrImportsBackground,
    HrImportMetrics,
    {
      provide: HrImportService,
      inject: [EVENT_STORE, CLOCK, ID_GENERATOR, ModuleRef],
      useFactory: (store: PostgresEventStore, clock: Clock, ids: IdGenerator, moduleRef: ModuleRef) =>
        new HrImportService({
          store,
          pool: store.pool,
          clock,
          ids,
          directoryCaughtUp: () => moduleRef.get(IdentityBackground, { strict: false }).directoryCaughtUp(),
          policy: massChangePolicyFromEnv(process.env),
        }),
    },
    {
      provide: HrImportUnnamedRowsErasure,
      inject: [EVENT_STORE, CLOCK, ID_GENERATOR],
      useFactory: (store: PostgresEventStore, clock: Clock, ids: IdGenerator) =>
        new HrImportUnnamedRowsErasure({ store, keys: store.personalData.keys, clock, ids }),
    },
  ],
  exports: [HrImportService, HrImportUnnamedRowsErasure, HrImportsBackground],
})
export class HrImportsModule {}
