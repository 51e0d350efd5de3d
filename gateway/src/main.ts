import './tracing';
import { createLogger, loadConfig } from '@tenure/platform';
import { stopTracing } from '@tenure/tracing';
import { gatewayConfigSchema } from './config';
import { startGateway } from './server';

const NAME = 'gateway';

function fail(error: unknown): never {
  createLogger(NAME, 'info').fatal({ err: error }, 'could not start');
  process.exit(1);
}

async function main(): Promise<void> {
  const config = loadConfig(gatewayConfigSchema);
  const logger = createLogger(NAME, config.LOG_LEVEL);
  const gateway = await startGateway(config, logger);
  logger.info({ url: gateway.url }, 'listening');
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      logger.info({ signal }, 'shutting down');
      // Then the spans still buffered are sent, before the exit.
      gateway
        .close()
        .then(stopTracing)
        .then(
          () => process.exit(0),
          (error: unknown) => {
            logger.error({ err: error }, 'unclean shutdown');
            process.exit(1);
          },
        );
    });
  }
}

main().catch(fail);
