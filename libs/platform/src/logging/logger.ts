import pino, { type Logger } from 'pino';

/**
 * The one way to get a logger. Secrets are redacted by key name wherever they appear,
 * so a careless `log.info({ config })` never writes a password or token.
 */
export function createLogger(name: string, level: string = process.env['LOG_LEVEL'] ?? 'info'): Logger {
  return pino({
    name,
    level,
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
  });
}

export type { Logger };
