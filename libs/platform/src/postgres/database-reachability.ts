import pg from 'pg';
import { DatabaseUnreachableError } from './postgres-errors';

export interface ReachableDatabase {
  readonly serverVersion: string;
}

/**
 * Connects once to `databaseUrl` and reports the server version, or throws a
 * DatabaseUnreachableError that says where it tried (never the password) and why it failed.
 */
export async function checkDatabaseReachable(databaseUrl: string, timeoutMs = 5_000): Promise<ReachableDatabase> {
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: timeoutMs });
  client.on('error', () => undefined);
  try {
    await client.connect();
    const result = await client.query<{ server_version: string }>('SHOW server_version');
    return { serverVersion: result.rows[0]?.server_version ?? 'unknown' };
  } catch (error) {
    const reason = describeConnectionFailure(error, timeoutMs);
    throw new DatabaseUnreachableError(`Cannot connect to PostgreSQL at ${describeTarget(databaseUrl)}: ${reason}`, reason);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** `user@host:port/database`, without the password, for messages and logs. */
export function describeTarget(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    const user = url.username ? `${decodeURIComponent(url.username)}@` : '';
    return `${user}${url.hostname || 'localhost'}:${url.port || '5432'}${url.pathname || '/'}`;
  } catch {
    return '(unparseable DATABASE_URL)';
  }
}

export function describeConnectionFailure(error: unknown, timeoutMs: number): string {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  switch (code) {
    case 'ECONNREFUSED':
      return 'connection refused: nothing listens there (is PostgreSQL running, on that port?)';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'host name not found';
    case '28P01':
    case '28000':
      return `authentication failed (${message})`;
    case '3D000':
      return `${message}; create it first (CREATE DATABASE ...)`;
    default:
      if (/timeout/i.test(message)) return `no answer within ${timeoutMs / 1000} s`;
      return message;
  }
}
