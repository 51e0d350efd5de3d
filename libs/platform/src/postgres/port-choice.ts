import net from 'node:net';
import { EmbeddedPostgresError } from './postgres-errors';

/** Far from PostgreSQL's usual 5432, so a system PostgreSQL never clashes with the embedded one. */
export const DEFAULT_EMBEDDED_POSTGRES_PORT = 55432;

export interface PortPreferences {
  /** The port this cluster used last time: reused when free so URLs people copied keep working. */
  readonly recorded?: number | undefined;
  /** Where probing starts when the recorded port is unknown or taken. */
  readonly preferred: number;
  /** How many ports upward from `preferred` are tried. */
  readonly maxProbes?: number;
}

/** Picks the first free port: the recorded one, then `preferred`, `preferred + 1`, ... */
export async function choosePort(preferences: PortPreferences, isFree: (port: number) => Promise<boolean>): Promise<number> {
  const maxProbes = preferences.maxProbes ?? 100;
  if (preferences.recorded !== undefined && (await isFree(preferences.recorded))) return preferences.recorded;
  for (let port = preferences.preferred; port < preferences.preferred + maxProbes && port <= 65535; port += 1) {
    if (port === preferences.recorded) continue;
    if (await isFree(port)) return port;
  }
  throw new EmbeddedPostgresError(
    'NO_FREE_PORT',
    `No free port for the embedded PostgreSQL between ${preferences.preferred} and ${Math.min(preferences.preferred + maxProbes - 1, 65535)}.`,
  );
}

/**
 * True when nothing listens on `port`. Binding without a host takes every address (IPv4 and IPv6),
 * so a listener on any one of them makes the port count as taken.
 */
export function isPortFree(port: number, host?: string): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE' || error.code === 'EACCES') resolve(false);
      else reject(error);
    });
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}
