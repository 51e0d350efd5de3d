import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '@tenure/platform';

/** Bolt's own log lines, through the app's pino logger (so they are JSON and carry no secret). */
export function boltLogger(logger: Logger): BoltLogger {
  const bolt = logger.child({ component: 'bolt' });
  let level = LogLevel.INFO;
  return {
    debug: (...messages: unknown[]) => bolt.debug(messages.map(String).join(' ')),
    info: (...messages: unknown[]) => bolt.info(messages.map(String).join(' ')),
    warn: (...messages: unknown[]) => bolt.warn(messages.map(String).join(' ')),
    error: (...messages: unknown[]) => bolt.error(messages.map(String).join(' ')),
    setLevel: (next: LogLevel) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}
