/**
 * The per-person data keys (an event-store migration: the keys live with the log they unlock).
 * Destroying a key clears its material and keeps the row, so an auditor sees which key was
 * destroyed, when and why. At most one live key per subject: a rehire after erasure gets a new one.
 */
export const PERSONAL_DATA_KEYS_MIGRATION = `
CREATE TABLE tenure_personal_data_keys (
  key_id           text        PRIMARY KEY,
  subject          text        NOT NULL,
  key_material     bytea,
  created_at       timestamptz NOT NULL DEFAULT clock_timestamp(),
  destroyed_at     timestamptz,
  destroyed_reason text,
  CONSTRAINT tenure_personal_data_keys_destroyed CHECK ((key_material IS NULL) = (destroyed_at IS NOT NULL))
);
CREATE UNIQUE INDEX tenure_personal_data_keys_live ON tenure_personal_data_keys (subject) WHERE destroyed_at IS NULL;
`;

/**
 * Keys wrapped with the master key (PERSONAL_DATA_KEY): `wrapped_at` says when the row's material
 * was wrapped; NULL for a key stored unwrapped (before this migration, or without a master key
 * outside production). Processes with a master key wrap the unwrapped ones on first use.
 */
export const PERSONAL_DATA_KEY_WRAPPING_MIGRATION = `
ALTER TABLE tenure_personal_data_keys ADD COLUMN wrapped_at timestamptz;
`;
