import path from 'node:path';
import { ConfigurationError, createLogger } from '@tenure/platform';
import { DevelopmentOnlyError, loadDevIdentityProviderConfig } from './config/dev-identity-provider-config';
import { createDevIdentityProvider } from './dev-identity-provider';

const NAME = 'dev-identity-provider';
// src/ or dist/ of libs/dev-identity-provider: the repository is three levels up.
const REPOSITORY_ROOT = path.resolve(__dirname, '../../..');

async function main(): Promise<void> {
  let config;
  try {
    config = loadDevIdentityProviderConfig(process.env, REPOSITORY_ROOT);
  } catch (error) {
    if (error instanceof ConfigurationError || error instanceof DevelopmentOnlyError) {
      process.stderr.write(`${NAME} refuses to start: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }

  const logger = createLogger(NAME, config.logLevel);
  const provider = createDevIdentityProvider({ ...config.options, logger });
  await provider.start();
  logger.info(
    { issuer: provider.issuer, port: provider.port, usersFile: config.options.usersFile },
    `development identity provider listening on ${provider.issuer}`,
  );

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      logger.info({ signal }, 'shutting down');
      provider.stop().then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error({ err: error }, 'unclean shutdown');
          process.exit(1);
        },
      );
    });
  }
}

main().catch((error: unknown) => {
  createLogger(NAME, 'info').fatal({ err: error }, 'could not start');
  process.exit(1);
});
