import type { Provider } from '@nestjs/common';
import type { Clock, IdGenerator } from '@tenure/event-sourcing';
import type { PostgresEventStore } from '@tenure/event-store-postgres';
import { CLOCK, EVENT_STORE, ID_GENERATOR } from '@tenure/service-runtime';
import { IdentityCommands } from './identity-commands';

export const identityCommandsProvider: Provider = {
  provide: IdentityCommands,
  inject: [EVENT_STORE, CLOCK, ID_GENERATOR],
  useFactory: (store: PostgresEventStore, clock: Clock, ids: IdGenerator) => new IdentityCommands({ store, pool: store.pool, clock, ids }),
};
