/** The current (unwaived) SoD violations, one row per identity and rule, from the detective's events. */
export const CREATE_SOD_VIOLATIONS = `
CREATE TABLE IF NOT EXISTS sod_violations (
  identity_id     text        NOT NULL,
  rule_id         text        NOT NULL,
  employee_number text        NOT NULL,
  policy_version  int         NOT NULL,
  violation       jsonb       NOT NULL,
  detected_at     timestamptz NOT NULL,
  PRIMARY KEY (identity_id, rule_id)
);
CREATE INDEX IF NOT EXISTS sod_violations_rule ON sod_violations (rule_id);
`;

export interface SodViolationRow {
  identity_id: string;
  rule_id: string;
  employee_number: string;
  policy_version: number;
  violation: unknown;
  detected_at: Date;
}
