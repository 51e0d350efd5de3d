import { PERSONAL_DATA_KEY_WRAPPING_MIGRATION, PERSONAL_DATA_KEYS_MIGRATION } from '@tenure/personal-data';
import { TAMPER_EVIDENCE_MIGRATION } from './tamper-evidence.sql';

/**
 * The event store schema. Version it by appending to MIGRATIONS; never edit an applied entry.
 *
 * Global order: (transaction_id, global_position). Readers only see events whose transaction id
 * is below the oldest transaction still running (pg_snapshot_xmin), so an event that commits
 * late can never land behind a position a reader has already passed. See docs/architecture.md.
 */
export const MIGRATIONS: readonly { readonly version: number; readonly sql: string }[] = [
  {
    version: 1,
    sql: `
CREATE TABLE tenure_events (
  transaction_id  xid8        NOT NULL DEFAULT pg_current_xact_id(),
  global_position bigint      GENERATED ALWAYS AS IDENTITY,
  stream_id       text        NOT NULL,
  revision        bigint      NOT NULL,
  event_id        text        NOT NULL,
  type            text        NOT NULL,
  data            jsonb       NOT NULL,
  metadata        jsonb       NOT NULL,
  recorded_at     timestamptz NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY (transaction_id, global_position),
  CONSTRAINT tenure_events_stream_revision UNIQUE (stream_id, revision),
  CONSTRAINT tenure_events_event_id UNIQUE (event_id)
);

CREATE TABLE tenure_checkpoints (
  subscription_id  text        PRIMARY KEY,
  commit_position  bigint      NOT NULL,
  prepare_position bigint      NOT NULL,
  updated_at       timestamptz NOT NULL DEFAULT clock_timestamp()
);

-- Append a batch atomically. Raises TE001 on a wrong expected revision. With p_check_duplicates
-- (the store's second call after a conflict) it first looks the event ids up: the same batch
-- appended before returns its original result; ids used in another way raise TE002. The first call
-- skips that lookup: a repeated id then fails on the unique index, which is what triggers the second call.
CREATE FUNCTION tenure_append(
  p_stream_id text, p_expected_kind text, p_expected bigint,
  p_event_ids text[], p_types text[], p_data jsonb[], p_metadata jsonb[], p_check_duplicates boolean
) RETURNS TABLE (next_revision bigint, commit_position bigint, prepare_position bigint, duplicate boolean)
LANGUAGE plpgsql AS $fn$
DECLARE
  v_count   int := cardinality(p_event_ids);
  v_found   int;
  v_first   bigint;
  v_current bigint;
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

  -- Serialise writers of this stream. An advisory lock, not a row lock, because taking it must not
  -- assign a transaction id: the id is assigned by the first write below, after the previous
  -- writer of the stream committed, so the global order (transaction id first) keeps revision order.
  -- This is why tenure_append must be the first write of its transaction.
  PERFORM pg_advisory_xact_lock(hashtextextended(p_stream_id, 0));
  -- The head revision: one step down the (stream_id, revision) index.
  SELECT max(e.revision) INTO v_current FROM tenure_events e WHERE e.stream_id = p_stream_id;
  v_current := coalesce(v_current, -1);

  IF (p_expected_kind = 'no_stream' AND v_current <> -1)
     OR (p_expected_kind = 'exact' AND v_current <> p_expected) THEN
    RAISE EXCEPTION USING ERRCODE = 'TE001', MESSAGE = 'wrong expected revision', DETAIL = v_current::text;
  END IF;

  RETURN QUERY
  WITH inserted AS (
    INSERT INTO tenure_events (stream_id, revision, event_id, type, data, metadata)
    SELECT p_stream_id, v_current + given.n, given.event_id, given.type, given.data, given.metadata
      FROM unnest(p_event_ids, p_types, p_data, p_metadata) WITH ORDINALITY AS given(event_id, type, data, metadata, n)
    RETURNING revision, transaction_id, global_position
  )
  SELECT i.revision, i.transaction_id::text::bigint, i.global_position, false
    FROM inserted i ORDER BY i.revision DESC LIMIT 1;
END;
$fn$;
`,
  },
  {
    version: 2,
    sql: `
-- Durable timers: work due at a time (an effective date, an expiry, a review deadline). Scheduled
-- by projections in the same transaction as their checkpoint; fired by timer workers, which lock
-- due rows with SKIP LOCKED so that several instances never fire one timer at the same time.
CREATE TABLE tenure_timers (
  timer_id     text        PRIMARY KEY,
  kind         text        NOT NULL,
  due_at       timestamptz NOT NULL,
  payload      jsonb       NOT NULL,
  attempts     int         NOT NULL DEFAULT 0,
  last_error   text,
  scheduled_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX tenure_timers_due ON tenure_timers (kind, due_at);
`,
  },
  {
    version: 3,
    sql: TAMPER_EVIDENCE_MIGRATION,
  },
  {
    // Per-person keys of the personal data in identity events (crypto-shredding, docs/personal-data.md).
    version: 4,
    sql: PERSONAL_DATA_KEYS_MIGRATION,
  },
  {
    // The per-person keys wrapped with the master key PERSONAL_DATA_KEY (docs/personal-data.md).
    version: 5,
    sql: PERSONAL_DATA_KEY_WRAPPING_MIGRATION,
  },
];
