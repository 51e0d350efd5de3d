import type { LoggerService } from '@nestjs/common';
import type { Logger } from '@tenure/platform';

type Level = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal';

/**
 * Routes Nest's own log lines into the service's pino logger. Nest passes its context
 * (e.g. "RoutesResolver") as the last argument and, for errors, a stack before it.
 * Nest's `log` level is framework chatter (routes mapped, modules initialised), so it goes to debug.
 */
export function nestLoggerFor(logger: Logger): LoggerService {
  const write =
    (level: Level) =>
    (message: unknown, ...params: unknown[]): void => {
      const context = params.length > 0 && typeof params.at(-1) === 'string' ? params.at(-1) : undefined;
      const stack = params.length > 1 && typeof params[0] === 'string' ? params[0] : undefined;
      logger[level]({ context, ...(stack ? { stack } : {}) }, typeof message === 'string' ? message : JSON.stringify(message));
    };
  return {
    log: write('debug'),
    error: write('error'),
    warn: write('warn'),
    debug: write('debug'),
    verbose: write('trace'),
    fatal: write('fatal'),
  };
}
