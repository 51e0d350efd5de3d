import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost, ModuleRef } from '@nestjs/core';
import type { PostgresEventStore } from '@tenure/event-store-postgres';
import { loadConfig, type Logger } from '@tenure/platform';
import { EVENT_STORE, LOGGER } from '@tenure/service-runtime';
import type { Application } from 'express';
import { IdentityBackground } from '../../application/identity-background';
import { FeedChangeGuard } from '../feed-guard';
import { identityScimConfigSchema } from '../../config';
import { parseScimTokens } from './bearer-auth';
import { EventSourcedHrDirectory } from './event-sourced-hr-directory';
import { scimNotConfigured } from './scim-not-configured';
import { createScimRouter } from './scim-router';

export const SCIM_BASE_PATH = '/scim/v2';

/**
 * Serves SCIM 2.0 at /scim/v2 on the identity service's Express app, over the event-sourced
 * directory. Mounted on init, after Nest's routes and before its not-found handler. The bearer
 * tokens come from SCIM_TOKENS (validated with the service's configuration schema).
 */
@Module({})
export class ScimModule implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly moduleRef: ModuleRef,
    @Inject(EVENT_STORE) private readonly store: PostgresEventStore,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onModuleInit(): void {
    const app = this.adapterHost.httpAdapter.getInstance<Application>();
    const tokens = parseScimTokens(loadConfig(identityScimConfigSchema, process.env).SCIM_TOKENS);
    if (tokens.length === 0) {
      this.logger.warn(`SCIM is not configured: set SCIM_TOKENS; ${SCIM_BASE_PATH} answers 503 until then`);
      app.use(SCIM_BASE_PATH, scimNotConfigured());
      return;
    }
    // The guard and the background are the application module's; look them up wherever they are provided.
    const guard = this.moduleRef.get(FeedChangeGuard, { strict: false });
    const readModel = this.moduleRef.get(IdentityBackground, { strict: false });
    const directory = new EventSourcedHrDirectory({ store: this.store, pool: this.store.pool, guard, readModel });
    app.use(SCIM_BASE_PATH, createScimRouter({ directory, tokens, logger: this.logger }));
    this.logger.info({ path: SCIM_BASE_PATH, tokens: tokens.length }, 'SCIM endpoint ready');
  }
}
