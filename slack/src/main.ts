import { createLogger, loadConfig } from '@tenure/platform';
import { slackAppConfigSchema } from './config';
import { startSlackApp } from './slack-app';

const NAME = 'slack';

function fail(error: unknown): never {
  createLogger(NAME, 'info').fatal({ err: error }, 'could not start');
  process.exit(1);
}

async function main(): Promise<void> {
  const config = loadConfig(slackAppConfigSchema);
  const logger = createLogger(NAME, config.LOG_LEVEL);
  const app = await startSlackApp(config, logger);
  logger.info({ url: `${app.origin}/slack/events`, tenure: config.TENURE_API_URL }, 'listening');
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      logger.info({ signal }, 'shutting down');
      app.close().then(
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
