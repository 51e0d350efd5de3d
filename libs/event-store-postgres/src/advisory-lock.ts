import type { Pool, PoolClient } from 'pg';

/**
 * Runs `work` while holding a PostgreSQL session advisory lock named `name`, on a connection of its
 * own (handed to `work`, which may use it instead of taking a second one from the pool): every
 * instance of the service queues on the same lock. If unlocking fails, the connection is
 * discarded, which ends its session and so releases the lock.
 */
export async function withAdvisoryLock<T>(pool: Pool, name: string, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken = false;
  try {
    await client.query('SELECT pg_advisory_lock(hashtextextended($1, 0))', [name]);
    try {
      return await work(client);
    } finally {
      await client.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [name]).catch(() => {
        broken = true;
      });
    }
  } finally {
    client.release(broken);
  }
}
