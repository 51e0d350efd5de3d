/**
 * The audit trail's index: one narrow row per (event, subject) pair. The event itself stays in
 * `tenure_events` and is joined in when a trail is read; `occurred_at` is copied so a time window
 * needs no JSON. `audit_trail_references` remembers whom an assignment, operation, request, task or
 * review item concerns, for the later events that name only that id.
 */
export const CREATE_AUDIT_TRAIL_TABLES = `
CREATE TABLE IF NOT EXISTS audit_trail_index (
  commit_position  bigint      NOT NULL,
  prepare_position bigint      NOT NULL,
  occurred_at      timestamptz NOT NULL,
  identity_id      text,
  application_id   text,
  entitlement_key  text
);
-- The event is found by its position (the log's primary key): an event id per row was 36 more
-- bytes to send, parse and store for every one of a replay's million-odd rows.
ALTER TABLE audit_trail_index DROP COLUMN IF EXISTS event_id;
-- Rows are written in log order, so this index only grows at its end. The projection finds the last
-- event it indexed by it, and skips anything at or before it when a batch is applied again.
CREATE INDEX IF NOT EXISTS audit_trail_index_position ON audit_trail_index (commit_position, prepare_position);
CREATE INDEX IF NOT EXISTS audit_trail_index_application
  ON audit_trail_index (application_id, entitlement_key, commit_position, prepare_position) WHERE application_id IS NOT NULL;
-- Older installs' indexes, dropped: only those of the table just named, since a replay creates its
-- copy in a scratch schema ahead of the live one on the search path, and a bare DROP INDEX IF EXISTS
-- would find the live table's. (audit_trail_index_identity was once a wider index: rebuilt if so.)
ALTER TABLE audit_trail_index DROP CONSTRAINT IF EXISTS audit_trail_index_row;
DO $$
DECLARE
  old record;
BEGIN
  FOR old IN
    SELECT n.nspname, c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE i.indrelid = 'audit_trail_index'::regclass
       AND (c.relname IN ('audit_trail_index_entry', 'audit_trail_index_subject')
            OR (c.relname = 'audit_trail_index_identity' AND pg_get_indexdef(i.indexrelid) NOT LIKE '%(identity_id, commit_position, prepare_position)'))
  LOOP
    EXECUTE format('DROP INDEX %I.%I', old.nspname, old.relname);
  END LOOP;
END $$;
-- An identity's trail, newest first. Not unique: uniqueness came from a five-column index led by the
-- identity, which cost a replay about twice what this one costs to build after the load.
CREATE INDEX IF NOT EXISTS audit_trail_index_identity ON audit_trail_index (identity_id, commit_position, prepare_position);

CREATE TABLE IF NOT EXISTS audit_trail_references (
  kind            text NOT NULL,
  reference_id    text NOT NULL,
  identity_id     text,
  application_id  text,
  entitlement_key text,
  PRIMARY KEY (kind, reference_id)
);
`;
