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
  entitlement_key  text,
  CONSTRAINT audit_trail_index_row UNIQUE NULLS NOT DISTINCT (event_id, identity_id, application_id, entitlement_key)
);
CREATE INDEX IF NOT EXISTS audit_trail_index_identity ON audit_trail_index (identity_id, commit_position, prepare_position)
  WHERE identity_id IS NOT NULL;
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
