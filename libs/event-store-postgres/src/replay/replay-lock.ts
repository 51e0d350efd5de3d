import type { Pool, PoolClient } from 'pg';

export const REPLAY_LOCK = 'tenure:replay';

/** One replay or consistency check at a time: a second one is refused at once, not queued. */
export async function withReplayLock<T>(live: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await live.connect();
  let broken = false;
  try {
    const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS locked', [
      REPLAY_LOCK,
    ]);
    if (!rows[0]!.locked) throw new ReplayBusyError();
    try {
      return await work(client);
    } finally {
      await client.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [REPLAY_LOCK]).catch(() => {
        broken = true;
      });
    }
  } finally {
    client.release(broken);
  }
}

export class ReplayBusyError extends Error {
  readonly code = 'REPLAY_BUSY';
  constructor() {
    super('another replay or consistency check is running against this database; wait for it to finish');
    this.name = 'ReplayBusyError';
  }
}

/** Blocks the live runners of these projections from applying until the transaction ends. */
export async function lockLiveApplies(client: PoolClient, liveSchema: string, checkpointIds: readonly string[]): Promise<void> {
  // Sorted, so two lockers never wait on each other in opposite orders.
  for (const id of [...checkpointIds].sort()) {
    await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`${liveSchema}:${id}`]);
  }
}
