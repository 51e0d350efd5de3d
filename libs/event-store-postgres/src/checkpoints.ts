import { START, type Position } from '@tenure/event-sourcing';
import type { Pool, PoolClient } from 'pg';

type Queryable = Pick<Pool | PoolClient, 'query'>;

export async function loadCheckpoint(db: Queryable, subscriptionId: string): Promise<Position | undefined> {
  const { rows } = await db.query<{ commit_position: string; prepare_position: string }>(
    'SELECT commit_position::text, prepare_position::text FROM tenure_checkpoints WHERE subscription_id = $1',
    [subscriptionId],
  );
  const row = rows[0];
  return row ? { commit: BigInt(row.commit_position), prepare: BigInt(row.prepare_position) } : undefined;
}

export async function storeCheckpoint(db: Queryable, subscriptionId: string, position: Position): Promise<void> {
  await db.query(
    `INSERT INTO tenure_checkpoints (subscription_id, commit_position, prepare_position) VALUES ($1, $2, $3)
     ON CONFLICT (subscription_id) DO UPDATE
       SET commit_position = EXCLUDED.commit_position, prepare_position = EXCLUDED.prepare_position, updated_at = clock_timestamp()`,
    [subscriptionId, position.commit.toString(), position.prepare.toString()],
  );
}

/**
 * Stores the checkpoint unless the stored one is already further: for processes that only move
 * forward, one instance finishing a batch late (after losing its lease) must not move it back.
 */
export async function advanceCheckpoint(db: Queryable, subscriptionId: string, position: Position): Promise<void> {
  await db.query(
    `INSERT INTO tenure_checkpoints (subscription_id, commit_position, prepare_position) VALUES ($1, $2, $3)
     ON CONFLICT (subscription_id) DO UPDATE
       SET commit_position = EXCLUDED.commit_position, prepare_position = EXCLUDED.prepare_position, updated_at = clock_timestamp()
       WHERE (tenure_checkpoints.commit_position, tenure_checkpoints.prepare_position) < (EXCLUDED.commit_position, EXCLUDED.prepare_position)`,
    [subscriptionId, position.commit.toString(), position.prepare.toString()],
  );
}

export async function deleteCheckpoint(db: Queryable, subscriptionId: string): Promise<void> {
  await db.query('DELETE FROM tenure_checkpoints WHERE subscription_id = $1', [subscriptionId]);
}

export { START };
