import type { ClientBase, Pool } from 'pg';
import { compareStreamIds, foldHeads, GENESIS_HASH_HEX, type StreamHead } from './checkpoint-root';

/** A checkpoint: every stream head at one position of the global log, folded into a root chained to the previous checkpoint's. */
export interface HashCheckpoint {
  readonly id: string;
  readonly createdAt: string;
  readonly position: { readonly commit: string; readonly prepare: string };
  readonly streams: number;
  readonly root: string;
  readonly previousRoot: string;
}

/** What an auditor keeps outside Tenure: the checkpoint and its heads, so a later mismatch names the stream. */
export interface ExportedCheckpoint extends HashCheckpoint {
  readonly format: typeof CHECKPOINT_FORMAT;
  readonly heads: readonly StreamHead[];
}

/** A head as the database has it now, with the event behind it. */
export interface CurrentHead extends StreamHead {
  readonly eventId: string;
  readonly commit: string;
  readonly prepare: string;
}

export const CHECKPOINT_FORMAT = 'tenure-hash-checkpoint/1';

/** Any constant: serialises checkpoint creation, so each one chains to the one before. */
const CHECKPOINT_LOCK_KEY = 7_265_008;

/**
 * Seals the log below the visibility horizon: every transaction below it has finished, so the heads
 * at that position can never change again without tampering, and can be recomputed from it later.
 */
export async function createHashCheckpoint(pool: Pool, options: { now?: () => Date } = {}): Promise<HashCheckpoint> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [CHECKPOINT_LOCK_KEY]);
    const { rows: positions } = await client.query<{ commit: string; prepare: string }>(
      `SELECT e.transaction_id::text AS commit, e.global_position::text AS prepare FROM tenure_events e
        WHERE e.transaction_id < pg_snapshot_xmin(pg_current_snapshot())
        ORDER BY e.transaction_id DESC, e.global_position DESC LIMIT 1`,
    );
    const position = positions[0] ?? { commit: '0', prepare: '0' };
    const heads = await headsAtPosition(client, position);
    const previous = await latestCheckpointRow(client);
    const previousHeads = previous ? await checkpointHeads(client, previous.id) : [];
    const previousRoot = previous?.root ?? GENESIS_HASH_HEX;
    const root = foldHeads(previousRoot, heads);
    const createdAt = (options.now ?? (() => new Date()))();
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO tenure_hash_checkpoints (created_at, commit_position, prepare_position, stream_count, root, previous_root)
       VALUES ($1, $2, $3, $4, decode($5, 'hex'), decode($6, 'hex')) RETURNING id::text AS id`,
      [createdAt, position.commit, position.prepare, heads.length, root, previousRoot],
    );
    const id = rows[0]!.id;
    const unchanged = new Set(previousHeads.map((head) => `${head.streamId}\u0000${head.revision}\u0000${head.hash}`));
    const moved = heads.filter((head) => !unchanged.has(`${head.streamId}\u0000${head.revision}\u0000${head.hash}`));
    await client.query(
      `INSERT INTO tenure_hash_checkpoint_heads (checkpoint_id, stream_id, revision, hash)
       SELECT $1, h.stream_id, h.revision, decode(h.hash, 'hex') FROM unnest($2::text[], $3::bigint[], $4::text[]) AS h(stream_id, revision, hash)`,
      [id, moved.map((h) => h.streamId), moved.map((h) => h.revision), moved.map((h) => h.hash)],
    );
    await client.query('COMMIT');
    return { id, createdAt: createdAt.toISOString(), position, streams: heads.length, root, previousRoot };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** The latest checkpoint with its heads, ready to write to a file; null when none was created yet. */
export async function exportLatestCheckpoint(client: ClientBase): Promise<ExportedCheckpoint | null> {
  const latest = await latestCheckpointRow(client);
  if (!latest) return null;
  return { format: CHECKPOINT_FORMAT, ...latest, heads: await checkpointHeads(client, latest.id) };
}

/** Checks a parsed export file's shape, naming the first field that is wrong. */
export function parseExportedCheckpoint(json: unknown): ExportedCheckpoint {
  const value = json as Partial<ExportedCheckpoint> | null;
  const hex64 = /^[0-9a-f]{64}$/;
  if (!value || value.format !== CHECKPOINT_FORMAT) throw new Error(`not a checkpoint export: "format" must be "${CHECKPOINT_FORMAT}"`);
  if (typeof value.root !== 'string' || !hex64.test(value.root)) throw new Error('checkpoint export: "root" must be 64 hex digits');
  if (typeof value.previousRoot !== 'string' || !hex64.test(value.previousRoot))
    throw new Error('checkpoint export: "previousRoot" must be 64 hex digits');
  if (!value.position || !/^\d+$/.test(String(value.position.commit)) || !/^\d+$/.test(String(value.position.prepare)))
    throw new Error('checkpoint export: "position" must be { commit, prepare } as digit strings');
  if (!Array.isArray(value.heads)) throw new Error('checkpoint export: "heads" must be an array');
  value.heads.forEach((head, i) => {
    if (typeof head?.streamId !== 'string' || !/^\d+$/.test(String(head.revision)) || !hex64.test(String(head.hash)))
      throw new Error(`checkpoint export: heads[${i}] must be { streamId, revision, hash }`);
  });
  return value as ExportedCheckpoint;
}

/** Each stream's last event at or before a position, in stream id byte order (the fold order). */
export async function headsAtPosition(client: ClientBase, position: { commit: string; prepare: string }): Promise<CurrentHead[]> {
  const { rows } = await client.query<CurrentHead>(
    `SELECT DISTINCT ON (e.stream_id) e.stream_id AS "streamId", e.revision::text AS revision, encode(e.hash, 'hex') AS hash,
            e.event_id AS "eventId", e.transaction_id::text AS commit, e.global_position::text AS prepare
       FROM tenure_events e
      WHERE e.transaction_id <= $1::text::xid8 AND (e.transaction_id, e.global_position) <= ($1::text::xid8, $2::bigint)
      ORDER BY e.stream_id, e.revision DESC`,
    [position.commit, position.prepare],
  );
  return rows.map((row) => ({ ...row, hash: row.hash ?? '' })).sort((a, b) => compareStreamIds(a.streamId, b.streamId));
}

/** The heads of a checkpoint: per stream, the latest head stored at or before it. */
export async function checkpointHeads(client: ClientBase, checkpointId: string): Promise<StreamHead[]> {
  const { rows } = await client.query<StreamHead>(
    `SELECT DISTINCT ON (h.stream_id) h.stream_id AS "streamId", h.revision::text AS revision, encode(h.hash, 'hex') AS hash
       FROM tenure_hash_checkpoint_heads h WHERE h.checkpoint_id <= $1 ORDER BY h.stream_id, h.checkpoint_id DESC`,
    [checkpointId],
  );
  return rows.sort((a, b) => compareStreamIds(a.streamId, b.streamId));
}

/** Every checkpoint must chain to the root of the one before it; returns the first break, or null. */
export async function checkpointChainProblem(client: ClientBase): Promise<string | null> {
  const { rows } = await client.query<{ id: string; root: string; previous_root: string }>(
    `SELECT id::text, encode(root, 'hex') AS root, encode(previous_root, 'hex') AS previous_root FROM tenure_hash_checkpoints ORDER BY id`,
  );
  let previousRoot = GENESIS_HASH_HEX;
  for (const row of rows) {
    if (row.previous_root !== previousRoot)
      return `checkpoint ${row.id} chains to root ${row.previous_root}, but the checkpoint before it has root ${previousRoot}`;
    previousRoot = row.root;
  }
  return null;
}

export async function latestCheckpointRow(client: ClientBase): Promise<HashCheckpoint | null> {
  const { rows } = await client.query<{
    id: string;
    created_at: Date;
    commit_position: string;
    prepare_position: string;
    stream_count: string;
    root: string;
    previous_root: string;
  }>(
    `SELECT id::text, created_at, commit_position::text, prepare_position::text, stream_count::text,
            encode(root, 'hex') AS root, encode(previous_root, 'hex') AS previous_root
       FROM tenure_hash_checkpoints ORDER BY id DESC LIMIT 1`,
  );
  const row = rows[0];
  if (!row) return null;
  return {
    id: row.id,
    createdAt: row.created_at.toISOString(),
    position: { commit: row.commit_position, prepare: row.prepare_position },
    streams: Number(row.stream_count),
    root: row.root,
    previousRoot: row.previous_root,
  };
}
