import type { Provider } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Clock, IdGenerator } from '@tenure/event-sourcing';
import type { PostgresEventStore } from '@tenure/event-store-postgres';
import { CLOCK, EVENT_STORE, ID_GENERATOR } from '@tenure/service-runtime';
import { IdentityBackground } from '../../application/identity-background';
import { IdentityCommands } from '../../application/identity-commands';
import { massChangePolicyFromEnv, massChangeWindowMsFromEnv } from '../change-guard';
import { FeedChangeGuard } from './feed-change-guard';

/** The live feeds' burst guard, with the mass-change limits and window from the environment. */
export const feedChangeGuardProvider: Provider = {
  provide: FeedChangeGuard,
  inject: [EVENT_STORE, CLOCK, ID_GENERATOR, IdentityCommands, ModuleRef],
  useFactory: (store: PostgresEventStore, clock: Clock, ids: IdGenerator, commands: IdentityCommands, modules: ModuleRef) =>
    new FeedChangeGuard({
      store,
      pool: store.pool,
      clock,
      ids,
      commands,
      // Looked up when first needed, like the commands' own wait (see identity-commands.provider.ts).
      caughtUp: () => modules.get(IdentityBackground, { strict: false }).directoryCaughtUp(),
      policy: massChangePolicyFromEnv(process.env),
      windowMs: massChangeWindowMsFromEnv(process.env),
    }),
};
