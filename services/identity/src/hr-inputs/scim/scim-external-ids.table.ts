/**
 * SCIM's `externalId`: the HR system's own key for a person. It is protocol bookkeeping of the SCIM
 * client, not an HR attribute, so it is kept beside the directory rather than in identity events.
 */
export const CREATE_SCIM_EXTERNAL_IDS = `
CREATE TABLE IF NOT EXISTS scim_external_ids (
  identity_id text PRIMARY KEY,
  external_id text
);`;

export const UPSERT_SCIM_EXTERNAL_ID = `
INSERT INTO scim_external_ids (identity_id, external_id) VALUES ($1, $2)
ON CONFLICT (identity_id) DO UPDATE SET external_id = EXCLUDED.external_id`;
