import type { Provider } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Clock, IdGenerator } from '@tenure/event-sourcing';
import type { PostgresEventStore } from '@tenure/event-store-postgres';
import { CLOCK, EVENT_STORE, ID_GENERATOR } from '@tenure/service-runtime';
import { IdentityBackground } from './identity-background';
import { IdentityCommands } from './identity-commands';

export const identityCommandsProvider: Provider = {
  provide: IdentityCommands,
  inject: [EVENT_STORE, CLOCK, ID_GENERATOR, ModuleRef],
  useFactory: (store: PostgresEventStore, clock: Clock, ids: IdGenerator, modules: ModuleRef) =>
    new IdentityCommands({
      store,
      pool: store.pool,
      clock,
      ids,
      // Looked up when first needed: the background work itself uses these commands (the due-date timer).
      directoryCaughtUp: () => modules.get(IdentityBackground, { strict: false }).directoryCaughtUp(),
    }),
};
