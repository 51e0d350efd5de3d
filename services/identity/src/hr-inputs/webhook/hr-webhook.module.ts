import { Inject, Module, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost, ModuleRef } from '@nestjs/core';
import type { Clock } from '@tenure/event-sourcing';
import type { PostgresEventStore } from '@tenure/event-store-postgres';
import { surviveConnectionLoss, type Logger } from '@tenure/platform';
import { CLOCK, EVENT_STORE, LOGGER } from '@tenure/service-runtime';
import type { Application, Request, Response } from 'express';
import { Pool } from 'pg';
import { IdentityBackground } from '../../application/identity-background';
import { FeedChangeGuard } from '../feed-guard';
import { loadHrWebhookConfig } from './hr-webhook-config';
import { HrWebhookDeliveries } from './hr-webhook-deliveries';
import { HrWebhookReceiver } from './hr-webhook-receiver';
import { SIGNATURE_HEADER } from './hr-webhook-signature';
import { readRawBody } from './read-raw-body';

export const HR_WEBHOOK_PATH = '/hr/webhook';

/** Deliveries being applied at once; each holds one connection of the webhook's own pool (see HrWebhookDeliveries). */
const CONCURRENT_DELIVERIES = 4;

/**
 * Serves POST /hr/webhook on the identity service's Express app: signed, effective-dated HR
 * events, applied once per sender event id. Secrets come from HR_WEBHOOK_SECRETS; without any,
 * the endpoint answers 503.
 */
@Module({})
export class HrWebhookModule implements OnModuleInit, OnApplicationShutdown {
  private readonly secrets: readonly string[];
  private readonly pool: Pool;

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly moduleRef: ModuleRef,
    @Inject(EVENT_STORE) private readonly store: PostgresEventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.secrets = loadHrWebhookConfig(process.env).secrets;
    this.pool = surviveConnectionLoss(new Pool({ ...store.pool.options, max: CONCURRENT_DELIVERIES }), (error) =>
      logger.warn({ err: error }, 'idle HR webhook connection failed'),
    );
    // The raw body must be read before Nest's JSON parser, which the application registers when it
    // initialises, after every module is constructed: so here, not in onModuleInit.
    this.adapterHost.httpAdapter.getInstance<Application>().use(HR_WEBHOOK_PATH, readRawBody);
  }

  onModuleInit(): void {
    const app = this.adapterHost.httpAdapter.getInstance<Application>();
    const deliveries = new HrWebhookDeliveries(this.pool);
    const receiver = new HrWebhookReceiver({
      secrets: this.secrets,
      deliveries,
      // The guard is the application module's; look it up wherever it is provided.
      guard: this.moduleRef.get(FeedChangeGuard, { strict: false }),
      directory: this.moduleRef.get(IdentityBackground, { strict: false }),
      clock: this.clock,
      logger: this.logger,
    });
    app.post(HR_WEBHOOK_PATH, (req: Request, res: Response) => {
      const rawBody = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      receiver.receive({ signatureHeader: req.get(SIGNATURE_HEADER), rawBody }).then(
        ({ httpStatus, body }) => res.status(httpStatus).json(body),
        (error: unknown) => {
          this.logger.error({ err: error }, 'HR webhook failed');
          res.status(500).json({ error: 'internal', message: 'the event was not applied; deliver it again later' });
        },
      );
    });
    if (this.secrets.length === 0) {
      this.logger.warn(`HR webhook is not configured: set HR_WEBHOOK_SECRETS; ${HR_WEBHOOK_PATH} answers 503 until then`);
      return;
    }
    // Early, so the first delivery does not wait for it; a database that is not up yet is retried on the first delivery.
    deliveries.ensureTable().catch((error: unknown) => this.logger.warn({ err: error }, 'could not create hr_webhook_deliveries yet'));
    this.logger.info({ path: HR_WEBHOOK_PATH, secrets: this.secrets.length }, 'HR webhook ready');
  }

  // After the HTTP server has closed: no delivery needs the pool any more.
  async onApplicationShutdown(): Promise<void> {
    await this.pool.end();
  }
}
