import { randomUUID } from 'node:crypto';
import { type INestApplication, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { personalDataMasterKeyFrom } from '@tenure/personal-data';
import { correlationMiddleware, createLogger, type Logger } from '@tenure/platform';
import { SubgraphModule } from '@tenure/subgraph';
import type { ServiceConfig } from '../config/service-config';
import { nestLoggerFor } from '../logging/nest-logger';
import type { ServiceDefinition } from '../service-definition';
import { ServiceRuntimeModule } from '../service-runtime.module';

/** The root of every service's module graph: the runtime, the subgraph and the service's own module. */
@Module({})
class ServiceAppModule {}

/** The initialised service, its event store schema applied if the database answered; not yet listening. Closes cleanly on SIGTERM/SIGINT. */
export async function createServiceApp(
  service: ServiceDefinition,
  config: ServiceConfig,
  logger: Logger = createLogger(service.name, config.LOG_LEVEL),
): Promise<INestApplication> {
  // Before anything opens the store: production without PERSONAL_DATA_KEY refuses to start here. The rest of
  // the environment as the service's log followers see it (they take the key from it: docs/personal-data.md).
  const personalDataKey = personalDataMasterKeyFrom({
    ...process.env,
    NODE_ENV: config.NODE_ENV,
    ...(config.PERSONAL_DATA_KEY === undefined ? {} : { PERSONAL_DATA_KEY: config.PERSONAL_DATA_KEY }),
  });
  if (!personalDataKey)
    logger.warn('PERSONAL_DATA_KEY is not set: per-person keys of personal data are stored unwrapped (development only)');
  const root = {
    module: ServiceAppModule,
    imports: [
      ServiceRuntimeModule.forRoot({ service, databaseUrl: config.DATABASE_URL, logger, personalDataKey }),
      SubgraphModule.forRoot({ definition: service.subgraph, production: config.NODE_ENV === 'production', logger }),
      service.module,
    ],
  };
  const app = await NestFactory.create(root, { logger: nestLoggerFor(logger), abortOnError: false });
  // On a signal, close, then exit with process.exit rather than re-raising the signal: only then does pino
  // flush the log lines still buffered ("shutting down" among them); a re-raised SIGTERM would drop them.
  app.enableShutdownHooks([], { useProcessExit: true });
  // Before the routes: every log line of a request carries its correlation id (from the gateway or new).
  app.use(correlationMiddleware(randomUUID));
  await app.init();
  return app;
}

/** Starts the service on HOST:PORT (PORT 0 picks a free port) and logs the URL it listens on. */
export async function startService(
  service: ServiceDefinition,
  config: ServiceConfig,
  logger: Logger = createLogger(service.name, config.LOG_LEVEL),
): Promise<INestApplication> {
  const app = await createServiceApp(service, config, logger);
  await app.listen(config.PORT, config.HOST);
  logger.info({ url: await app.getUrl() }, 'listening');
  return app;
}
