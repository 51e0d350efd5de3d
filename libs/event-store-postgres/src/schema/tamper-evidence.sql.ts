/**
 * Migration 3: tamper evidence. Every event is chained by hash to the previous event of its stream,
 * and checkpoints fold every stream head into one root (see docs/architecture.md, "Tamper evidence").
 *
 * hash = sha256(previous_hash || utf8(jsonb_build_array(stream_id, revision, event_id, type, data, metadata)::text)),
 * previous_hash = the hash of revision - 1 of the same stream, or 32 zero bytes for revision 0.
 * jsonb's text form is canonical (keys sorted, duplicates removed, fixed spacing), so the encoding
 * depends only on the values. The verifier (tamper-evidence/chain-query.ts) spells the same
 * expression out with pg_catalog functions only, so it never trusts a function stored in the database.
 */
export const GENESIS_HASH_SQL = `'\\x${'00'.repeat(32)}'::bytea`;

export const TAMPER_EVIDENCE_MIGRATION = `
ALTER TABLE tenure_events ADD COLUMN previous_hash bytea, ADD COLUMN hash bytea;

CREATE FUNCTION tenure_event_hash(
  p_previous bytea, p_stream_id text, p_revision bigint, p_event_id text, p_type text, p_data jsonb, p_metadata jsonb
) RETURNS bytea LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $fn$
  SELECT pg_catalog.sha256(p_previous || pg_catalog.convert_to(
    pg_catalog.jsonb_build_array(p_stream_id, p_revision, p_event_id, p_type, p_data, p_metadata)::text, 'UTF8'))
$fn$;

-- Events appended before this migration: chain them in (stream_id, revision) order, all streams at
-- once, one revision per step of the recursion.
WITH RECURSIVE chain AS (
  SELECT e.transaction_id, e.global_position, e.stream_id, e.revision, ${GENESIS_HASH_SQL} AS previous_hash,
         tenure_event_hash(${GENESIS_HASH_SQL}, e.stream_id, e.revision, e.event_id, e.type, e.data, e.metadata) AS hash
    FROM tenure_events e WHERE e.revision = 0
  UNION ALL
  SELECT n.transaction_id, n.global_position, n.stream_id, n.revision, c.hash,
         tenure_event_hash(c.hash, n.stream_id, n.revision, n.event_id, n.type, n.data, n.metadata)
    FROM chain c JOIN tenure_events n ON n.stream_id = c.stream_id AND n.revision = c.revision + 1
)
UPDATE tenure_events e SET previous_hash = c.previous_hash, hash = c.hash
  FROM chain c WHERE e.transaction_id = c.transaction_id AND e.global_position = c.global_position;

-- Checkpoints: root = sha256(previous checkpoint's root || every stream head at the checkpoint's
-- position, in stream id byte order); computed by tamper-evidence/checkpoint-root.ts. Heads are
-- stored only for streams whose head moved since the previous checkpoint: the heads of checkpoint N
-- are, per stream, the latest row with checkpoint_id <= N.
CREATE TABLE tenure_hash_checkpoints (
  id               bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  created_at       timestamptz NOT NULL,
  commit_position  bigint      NOT NULL,
  prepare_position bigint      NOT NULL,
  stream_count     bigint      NOT NULL,
  root             bytea       NOT NULL,
  previous_root    bytea       NOT NULL
);
CREATE TABLE tenure_hash_checkpoint_heads (
  checkpoint_id bigint NOT NULL REFERENCES tenure_hash_checkpoints (id),
  stream_id     text   NOT NULL,
  revision      bigint NOT NULL,
  hash          bytea  NOT NULL,
  PRIMARY KEY (stream_id, checkpoint_id)
);

-- Migration 1's tenure_append, plus the hash chain. Semantics unchanged: same checks, same lock taken
-- before any write, and the INSERT is still its first write. The head's hash comes with the head
-- revision in the same index step.
CREATE OR REPLACE FUNCTION tenure_append(
  p_stream_id text, p_expected_kind text, p_expected bigint,
  p_event_ids text[], p_types text[], p_data jsonb[], p_metadata jsonb[], p_check_duplicates boolean
) RETURNS TABLE (next_revision bigint, commit_position bigint, prepare_position bigint, duplicate boolean)
LANGUAGE plpgsql AS $fn$
DECLARE
  v_count    int := cardinality(p_event_ids);
  v_found    int;
  v_first    bigint;
  v_current  bigint;
  v_hash     bytea;
  v_previous bytea[] := '{}';
  v_hashes   bytea[] := '{}';
BEGIN
  IF p_check_duplicates THEN
    SELECT count(*), min(e.revision) INTO v_found, v_first
      FROM tenure_events e WHERE e.event_id = ANY (p_event_ids);
    IF v_found > 0 THEN
      IF v_found = v_count AND NOT EXISTS (
        SELECT 1 FROM unnest(p_event_ids) WITH ORDINALITY AS given(event_id, n)
        LEFT JOIN tenure_events e ON e.event_id = given.event_id
        WHERE e.stream_id IS DISTINCT FROM p_stream_id OR e.revision <> v_first + given.n - 1
      ) THEN
        RETURN QUERY SELECT e.revision, e.transaction_id::text::bigint, e.global_position, true
          FROM tenure_events e WHERE e.stream_id = p_stream_id AND e.revision = v_first + v_count - 1;
        RETURN;
      END IF;
      RAISE EXCEPTION USING ERRCODE = 'TE002', MESSAGE = 'idempotency violation',
        DETAIL = (SELECT e.event_id FROM tenure_events e WHERE e.event_id = ANY (p_event_ids) LIMIT 1);
    END IF;
  END IF;

  -- Serialise writers of this stream (see migration 1: must not assign a transaction id, so
  -- tenure_append must be the first write of its transaction).
  PERFORM pg_advisory_xact_lock(hashtextextended(p_stream_id, 0));
  SELECT e.revision, e.hash INTO v_current, v_hash
    FROM tenure_events e WHERE e.stream_id = p_stream_id ORDER BY e.revision DESC LIMIT 1;
  v_current := coalesce(v_current, -1);
  IF v_current = -1 THEN v_hash := ${GENESIS_HASH_SQL}; END IF;

  IF (p_expected_kind = 'no_stream' AND v_current <> -1)
     OR (p_expected_kind = 'exact' AND v_current <> p_expected) THEN
    RAISE EXCEPTION USING ERRCODE = 'TE001', MESSAGE = 'wrong expected revision', DETAIL = v_current::text;
  END IF;

  FOR i IN 1 .. v_count LOOP
    v_previous[i] := v_hash;
    v_hash := pg_catalog.sha256(v_hash || pg_catalog.convert_to(pg_catalog.jsonb_build_array(
      p_stream_id, v_current + i, p_event_ids[i], p_types[i], p_data[i], p_metadata[i])::text, 'UTF8'));
    v_hashes[i] := v_hash;
  END LOOP;

  RETURN QUERY
  WITH inserted AS (
    INSERT INTO tenure_events (stream_id, revision, event_id, type, data, metadata, previous_hash, hash)
    SELECT p_stream_id, v_current + given.n, given.event_id, given.type, given.data, given.metadata, given.previous_hash, given.hash
      FROM unnest(p_event_ids, p_types, p_data, p_metadata, v_previous, v_hashes)
           WITH ORDINALITY AS given(event_id, type, data, metadata, previous_hash, hash, n)
    RETURNING revision, transaction_id, global_position
  )
  SELECT i.revision, i.transaction_id::text::bigint, i.global_position, false
    FROM inserted i ORDER BY i.revision DESC LIMIT 1;
END;
$fn$;
`;
