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
  event_id         text        NOT NULL,
  occurred_at      timestamptz NOT NULL,
  identity_id      text,
  application_id   text,
  entitlement_key  text
);
-- One row per (event, subject). Led by the identity, the same index also reads an identity's trail
-- newest first; a separate index for that cost every insert a third index. (Replaces the constraint
-- on the random event id, audit_trail_index_row, and the indexes audit_trail_index_entry and
-- audit_trail_index_identity that kept it before: dropped if an older install has them.)
ALTER TABLE audit_trail_index DROP CONSTRAINT IF EXISTS audit_trail_index_row;
CREATE UNIQUE INDEX IF NOT EXISTS audit_trail_index_subject
  ON audit_trail_index (identity_id, commit_position, prepare_position, application_id, entitlement_key) NULLS NOT DISTINCT;
-- Only the indexes of the table just named: a replay creates its copy in a scratch schema ahead of
-- the live one on the search path, and a bare DROP INDEX IF EXISTS would find the live table's.
DO $$
DECLARE
  old record;
BEGIN
  FOR old IN
    SELECT n.nspname, c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE i.indrelid = 'audit_trail_index'::regclass AND c.relname IN ('audit_trail_index_entry', 'audit_trail_index_identity')
  LOOP
    EXECUTE format('DROP INDEX %I.%I', old.nspname, old.relname);
  END LOOP;
END $$;
CREATE INDEX IF NOT EXISTS audit_trail_index_application
  ON audit_trail_index (application_id, entitlement_key, commit_position, prepare_position) WHERE application_id IS NOT NULL;

CREATE TABLE IF NOT EXISTS audit_trail_references (
  kind            text NOT NULL,
  reference_id    text NOT NULL,
  identity_id     text,
  application_id  text,
  entitlement_key text,
  PRIMARY KEY (kind, reference_id)
);
`;
