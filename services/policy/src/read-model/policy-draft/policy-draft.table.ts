/**
 * The draft as administrators see it: one row, holding the policy set aggregate's state folded with
 * the decider's own evolve (the draft, the version it is based on, the latest edit).
 */
export const CREATE_POLICY_DRAFT = `
CREATE TABLE IF NOT EXISTS policy_draft (
  singleton  boolean     PRIMARY KEY DEFAULT true CHECK (singleton),
  state      jsonb       NOT NULL,
  updated_at timestamptz NOT NULL
);
`;
