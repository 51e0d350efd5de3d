import type { ClientBase } from 'pg';

/** One event as the verifier sees it: identity, stored links, and whether its content still hashes to its stored hash. */
export interface ChainRow {
  readonly streamId: string;
  readonly revision: bigint;
  readonly eventId: string;
  readonly commit: string;
  readonly prepare: string;
  readonly previousHash: Buffer | null;
  readonly hash: Buffer | null;
  readonly contentOk: boolean;
}

interface SqlChainRow {
  stream_id: string;
  revision: string;
  event_id: string;
  commit_position: string;
  prepare_position: string;
  previous_hash: Buffer | null;
  hash: Buffer | null;
  content_ok: boolean | null;
}

// The hash expression of migration 3, spelled out with pg_catalog functions only: an attacker who can
// replace tenure_event_hash() or shadow a function on the search path cannot make this agree.
const CONTENT_OK = `e.hash = pg_catalog.sha256(e.previous_hash || pg_catalog.convert_to(
  pg_catalog.jsonb_build_array(e.stream_id, e.revision, e.event_id, e.type, e.data, e.metadata)::text, 'UTF8'))`;

/** Pages through every stream in (stream_id, revision) order, along the unique index. */
export async function* readChains(client: ClientBase, batchSize: number): AsyncGenerator<ChainRow[]> {
  let after: { streamId: string; revision: string } | null = null;
  for (;;) {
    const result = await client.query<SqlChainRow>(
      `SELECT e.stream_id, e.revision::text AS revision, e.event_id, e.transaction_id::text AS commit_position,
              e.global_position::text AS prepare_position, e.previous_hash, e.hash, ${CONTENT_OK} AS content_ok
         FROM tenure_events e
        WHERE ${after ? '(e.stream_id, e.revision) > ($2::text, $3::bigint)' : 'true'}
        ORDER BY e.stream_id, e.revision LIMIT $1`,
      after ? [batchSize, after.streamId, after.revision] : [batchSize],
    );
    const rows: SqlChainRow[] = result.rows;
    if (rows.length === 0) return;
    yield rows.map((row) => ({
      streamId: row.stream_id,
      revision: BigInt(row.revision),
      eventId: row.event_id,
      commit: row.commit_position,
      prepare: row.prepare_position,
      previousHash: row.previous_hash,
      hash: row.hash,
      contentOk: row.content_ok === true,
    }));
    const last: SqlChainRow = rows[rows.length - 1]!;
    after = { streamId: last.stream_id, revision: last.revision };
    if (rows.length < batchSize) return;
  }
}
