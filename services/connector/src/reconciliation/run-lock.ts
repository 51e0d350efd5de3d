import type { Pool, PoolClient } from 'pg';

export type LockOutcome<T> = { readonly acquired: true; readonly result: T } | { readonly acquired: false };

/**
 * Runs `work` holding the PostgreSQL session advisory lock `name` if nobody holds it, on a
 * connection of its own (handed to `work`); answers `acquired: false` at once otherwise. The key
 * is derived as `withAdvisoryLock` (@tenure/event-store-postgres) derives it, so the two exclude
 * each other. If unlocking fails the connection is discarded, which ends its session and the lock.
 */
export async function tryWithAdvisoryLock<T>(pool: Pool, name: string, work: (client: PoolClient) => Promise<T>): Promise<LockOutcome<T>> {
  const client = await pool.connect();
  let broken = false;
  try {
    const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS locked', [name]);
    if (!rows[0]?.locked) return { acquired: false };
    try {
      return { acquired: true, result: await work(client) };
    } finally {
      await client.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [name]).catch(() => {
        broken = true;
      });
    }
  } finally {
    client.release(broken);
  }
}
