import pino, { type DestinationStream, type Logger } from 'pino';
import { currentLogContext } from './log-context';

/**
 * The one way to get a logger. Secrets are redacted by key name wherever they appear,
 * so a careless `log.info({ config })` never writes a password or token. Every line written while a
 * request is handled carries its `correlationId` (see `log-context.ts`). `destination`: standard
 * output unless given (tests).
 */
export function createLogger(name: string, level: string = process.env['LOG_LEVEL'] ?? 'info', destination?: DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    name,
    level,
    mixin: () => ({ ...currentLogContext() }),
    redact: {
      paths: [
        'password',
        'token',
        'secret',
        'authorization',
        'credentials',
        'databaseUrl',
        '*.password',
        '*.token',
        '*.secret',
        '*.authorization',
        '*.credentials',
        '*.databaseUrl',
      ],
      censor: '[redacted]',
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

export type { Logger };
