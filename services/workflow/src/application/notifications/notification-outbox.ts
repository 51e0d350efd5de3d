import { PROJECTION_SETUP_LOCK, scheduleTimer, withAdvisoryLock } from '@tenure/event-store-postgres';
import type { Pool } from 'pg';
import type { Notification, NotificationChannel, NotificationContent, NotificationKind } from '../../domain/notifications';
import type { Queryable } from '../../read-model/queryable';

/** Timers of this kind send one outbox row: `{ deliveryId }`. */
export const NOTIFICATION_DELIVERY_TIMER = 'workflow-notification-delivery';

/**
 * The outbox: one row per message and channel, keyed by `<notificationId>/<channel>`, written
 * before anything is sent. `pending` rows have a delivery timer; `sent`, `failed` (attempts
 * exhausted), `undeliverable` (no address, no Slack account) and `opted-out` (the recipient turned
 * the kind off on that channel) are final. Not a read model: it records what was sent, which the
 * log cannot tell, so it is never rebuilt.
 */
const CREATE_WORKFLOW_NOTIFICATIONS = `
CREATE TABLE IF NOT EXISTS workflow_notifications (
  delivery_id               text        PRIMARY KEY,
  notification_id           text        NOT NULL,
  kind                      text        NOT NULL,
  channel                   text        NOT NULL,
  recipient_employee_number text        NOT NULL,
  content                   jsonb       NOT NULL,
  status                    text        NOT NULL,
  attempts                  int         NOT NULL DEFAULT 0,
  last_error                text,
  delivery_ref              text,
  created_at                timestamptz NOT NULL,
  sent_at                   timestamptz
);
CREATE INDEX IF NOT EXISTS workflow_notifications_recipient ON workflow_notifications (recipient_employee_number, created_at);
CREATE INDEX IF NOT EXISTS workflow_notifications_status ON workflow_notifications (status) WHERE status = 'pending';
`;

export type DeliveryStatus = 'pending' | 'sent' | 'failed' | 'undeliverable' | 'opted-out';

export interface DeliveryRow {
  readonly deliveryId: string;
  readonly notificationId: string;
  readonly kind: NotificationKind;
  readonly channel: NotificationChannel;
  readonly recipientEmployeeNumber: string;
  readonly content: NotificationContent;
  readonly status: DeliveryStatus;
  readonly attempts: number;
  readonly lastError: string | null;
  readonly deliveryRef: string | null;
}

export function deliveryIdOf(notificationId: string, channel: NotificationChannel): string {
  return `${notificationId}/${channel}`;
}

/** Creates the outbox table once per process; instances starting together take turns (the projections' setup lock). */
export async function setUpOutbox(pool: Pool): Promise<void> {
  await withAdvisoryLock(pool, PROJECTION_SETUP_LOCK, (client) => client.query(CREATE_WORKFLOW_NOTIFICATIONS));
}

/**
 * Records a notification on the channels chosen (pending, with a delivery timer due now) and on
 * those the recipient opted out of, in one transaction. A row already there (the same decision
 * made again after a crash or a restart) is left as it is: what was sent is not sent again.
 * Returns how many deliveries were new.
 */
export async function recordNotification(
  pool: Pool,
  notification: Notification,
  channels: { readonly send: readonly NotificationChannel[]; readonly optedOut: readonly NotificationChannel[] },
  now: Date,
): Promise<number> {
  const client = await pool.connect();
  let created = 0;
  try {
    await client.query('BEGIN');
    const rows = [
      ...channels.send.map((channel) => ({ channel, status: 'pending' as const })),
      ...channels.optedOut.map((channel) => ({ channel, status: 'opted-out' as const })),
    ];
    for (const { channel, status } of rows) {
      const deliveryId = deliveryIdOf(notification.notificationId, channel);
      const { rowCount } = await client.query(
        `INSERT INTO workflow_notifications (delivery_id, notification_id, kind, channel, recipient_employee_number, content, status, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (delivery_id) DO NOTHING`,
        [
          deliveryId,
          notification.notificationId,
          notification.kind,
          channel,
          notification.recipientEmployeeNumber,
          JSON.stringify(status === 'pending' ? notification.content : withoutFreeText(notification.content)),
          status,
          now,
        ],
      );
      if (!rowCount) continue;
      created += 1;
      if (status === 'pending') {
        await scheduleTimer(client, {
          timerId: `${NOTIFICATION_DELIVERY_TIMER}:${deliveryId}`,
          kind: NOTIFICATION_DELIVERY_TIMER,
          dueAt: now,
          payload: { deliveryId },
        });
      }
    }
    await client.query('COMMIT');
    return created;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

export async function deliveryById(db: Queryable, deliveryId: string): Promise<DeliveryRow | null> {
  const { rows } = await db.query<DbRow>(`${SELECT_DELIVERY} WHERE delivery_id = $1`, [deliveryId]);
  return rows[0] ? toDelivery(rows[0]) : null;
}

/** Deliveries to one person, oldest first (tests, support). */
export async function deliveriesTo(db: Queryable, employeeNumber: string): Promise<DeliveryRow[]> {
  const { rows } = await db.query<DbRow>(`${SELECT_DELIVERY} WHERE recipient_employee_number = $1 ORDER BY created_at, delivery_id`, [
    employeeNumber,
  ]);
  return rows.map(toDelivery);
}

/**
 * People's own words (a request's reason, a decision's comment) are kept only while a message waits
 * to be sent: a final row keeps identifiers and dates, nothing an erasure would have to find.
 */
function withoutFreeText(content: NotificationContent): NotificationContent {
  const {
    justification: _justification,
    comment: _comment,
    ...rest
  } = content as NotificationContent & {
    justification?: string;
    comment?: string | null;
  };
  return rest as NotificationContent;
}

/** Only a pending row moves: a second sender (a timer fired again) cannot overwrite a final state. */
export async function markDelivery(
  db: Queryable,
  deliveryId: string,
  outcome: {
    readonly status: DeliveryStatus;
    readonly attempts: number;
    readonly lastError?: string | null;
    readonly deliveryRef?: string | null;
  },
  now: Date,
): Promise<void> {
  await db.query(
    `UPDATE workflow_notifications
        SET status = $2, attempts = $3, last_error = COALESCE($4, last_error), delivery_ref = COALESCE($5, delivery_ref),
            content = CASE WHEN $2 = 'pending' THEN content ELSE content - 'justification' - 'comment' END,
            sent_at = CASE WHEN $2 = 'sent' THEN $6::timestamptz ELSE sent_at END
      WHERE delivery_id = $1 AND status = 'pending'`,
    [deliveryId, outcome.status, outcome.attempts, outcome.lastError ?? null, outcome.deliveryRef ?? null, now],
  );
}

const SELECT_DELIVERY = `SELECT delivery_id, notification_id, kind, channel, recipient_employee_number, content, status, attempts,
       last_error, delivery_ref FROM workflow_notifications`;

interface DbRow {
  delivery_id: string;
  notification_id: string;
  kind: NotificationKind;
  channel: NotificationChannel;
  recipient_employee_number: string;
  content: NotificationContent;
  status: DeliveryStatus;
  attempts: number;
  last_error: string | null;
  delivery_ref: string | null;
}

function toDelivery(row: DbRow): DeliveryRow {
  return {
    deliveryId: row.delivery_id,
    notificationId: row.notification_id,
    kind: row.kind,
    channel: row.channel,
    recipientEmployeeNumber: row.recipient_employee_number,
    content: row.content,
    status: row.status,
    attempts: row.attempts,
    lastError: row.last_error,
    deliveryRef: row.delivery_ref,
  };
}
