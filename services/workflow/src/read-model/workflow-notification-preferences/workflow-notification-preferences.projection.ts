import type { RecordedEvent } from '@tenure/event-sourcing';
import type { Projection } from '@tenure/event-store-postgres';
import type { PoolClient } from 'pg';
import {
  NOTIFICATION_PREFERENCES_STREAM_PREFIX,
  preferenceKey,
  type NotificationPreferenceSet,
  type NotificationPreferencesState,
} from '../../domain/notifications';
import type { Queryable } from '../queryable';

/** Each person's choices (only what they set; the rest is on), for the notification process and the preferences query. */
const CREATE_WORKFLOW_NOTIFICATION_PREFERENCES = `
CREATE TABLE IF NOT EXISTS workflow_notification_preferences (
  employee_number text        NOT NULL,
  kind            text        NOT NULL,
  channel         text        NOT NULL,
  enabled         boolean     NOT NULL,
  set_at          timestamptz NOT NULL,
  PRIMARY KEY (employee_number, kind, channel)
);
`;

export const workflowNotificationPreferencesProjection: Projection = {
  name: 'workflow-notification-preferences',
  filter: { streamPrefixes: [NOTIFICATION_PREFERENCES_STREAM_PREFIX], eventTypes: ['NotificationPreferenceSet'] },
  async setup(client) {
    await client.query(CREATE_WORKFLOW_NOTIFICATION_PREFERENCES);
  },
  async reset(client) {
    await client.query('TRUNCATE workflow_notification_preferences');
  },
  apply: applyEvent,
};

async function applyEvent(recorded: RecordedEvent, client: PoolClient): Promise<void> {
  const { employeeNumber, kind, channel, enabled, setAt } = (recorded as RecordedEvent<NotificationPreferenceSet>).data;
  // Events of one stream arrive in order, so the last one wins (applied again, it changes nothing).
  await client.query(
    `INSERT INTO workflow_notification_preferences (employee_number, kind, channel, enabled, set_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (employee_number, kind, channel) DO UPDATE SET enabled = EXCLUDED.enabled, set_at = EXCLUDED.set_at`,
    [employeeNumber, kind, channel, enabled, setAt],
  );
}

/** One person's preferences as the decider's state (defaults when they never chose). */
export async function notificationPreferencesOf(db: Queryable, employeeNumber: string): Promise<NotificationPreferencesState> {
  const { rows } = await db.query<{ kind: string; channel: string; enabled: boolean }>(
    'SELECT kind, channel, enabled FROM workflow_notification_preferences WHERE employee_number = $1',
    [employeeNumber],
  );
  if (rows.length === 0) return { status: 'defaults' };
  return {
    status: 'chosen',
    employeeNumber,
    choices: Object.fromEntries(rows.map((row) => [preferenceKey(row.kind as never, row.channel as never), row.enabled])),
  };
}
