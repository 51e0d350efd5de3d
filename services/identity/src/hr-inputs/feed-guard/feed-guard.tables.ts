/**
 * Read models of the live-feed burst guard:
 * - `hr_feed_changes`: every termination and move a live feed made directly (not through a timer),
 *   which the guard counts over its window;
 * - `hr_feed_holds` and `hr_feed_held_changes`: held bursts as administrators see them.
 */
export const CREATE_FEED_GUARD_TABLES = `
CREATE TABLE IF NOT EXISTS hr_feed_changes (
  event_id        text        PRIMARY KEY,
  channel         text        NOT NULL,
  kind            text        NOT NULL,
  employee_number text        NOT NULL,
  occurred_at     timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS hr_feed_changes_window ON hr_feed_changes (channel, occurred_at);
CREATE TABLE IF NOT EXISTS hr_feed_holds (
  hold_id        text        PRIMARY KEY,
  channel        text        NOT NULL,
  status         text        NOT NULL,
  reasons        jsonb       NOT NULL,
  measures       jsonb       NOT NULL,
  population     int         NOT NULL,
  window_start   timestamptz NOT NULL,
  held_at        timestamptz NOT NULL,
  change_count   int         NOT NULL DEFAULT 0,
  decided_by     text,
  decided_at     timestamptz,
  discard_reason text,
  applied        int,
  failures       jsonb,
  completed_at   timestamptz
);
CREATE INDEX IF NOT EXISTS hr_feed_holds_held_at ON hr_feed_holds (held_at DESC);
CREATE TABLE IF NOT EXISTS hr_feed_held_changes (
  event_id        text        PRIMARY KEY,
  hold_id         text        NOT NULL,
  employee_number text        NOT NULL,
  kinds           jsonb       NOT NULL,
  description     text        NOT NULL,
  correlation_id  text        NOT NULL,
  received_at     timestamptz NOT NULL,
  seq             bigserial
);
CREATE INDEX IF NOT EXISTS hr_feed_held_changes_hold ON hr_feed_held_changes (hold_id, seq);
`;

export type HrFeedHoldStatus = 'held' | 'confirmed' | 'discarded' | 'applied';

export interface HrFeedHoldRow {
  hold_id: string;
  channel: 'scim' | 'webhook';
  status: HrFeedHoldStatus;
  reasons: string[];
  measures: unknown[];
  population: number;
  window_start: Date;
  held_at: Date;
  change_count: number;
  decided_by: string | null;
  decided_at: Date | null;
  discard_reason: string | null;
  applied: number | null;
  failures: { employeeNumber: string; code: string; error: string }[] | null;
  completed_at: Date | null;
}

export interface HrFeedHeldChangeRow {
  hold_id: string;
  employee_number: string;
  kinds: string[];
  description: string;
  correlation_id: string;
  received_at: Date;
}
