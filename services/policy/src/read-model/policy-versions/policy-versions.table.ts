/** Every published policy version, whole: versions are immutable, so rows are only ever inserted. */
export const CREATE_POLICY_VERSIONS = `
CREATE TABLE IF NOT EXISTS policy_versions (
  version      int         PRIMARY KEY,
  published_at timestamptz NOT NULL,
  published_by text        NOT NULL,
  note         text        NOT NULL,
  document     jsonb       NOT NULL
);
`;

export interface PolicyVersionRow {
  version: number;
  published_at: Date;
  published_by: string;
  note: string;
  document: unknown;
}
