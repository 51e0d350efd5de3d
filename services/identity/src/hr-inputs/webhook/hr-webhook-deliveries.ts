import { withAdvisoryLock } from '@tenure/event-store-postgres';
import type { Pool, PoolClient } from 'pg';

/** What the webhook answered: kept for a delivery, so its redeliveries get the same answer. */
export interface WebhookAnswer {
  readonly httpStatus: number;
  readonly body: Readonly<Record<string, unknown>>;
}

/** held: accepted but kept by the mass-change guard (a redelivery gets the same 202). */
export type DeliveryStatus = 'applied' | 'rejected' | 'held';

/** The first answer to an event id, as recorded. */
export interface RecordedDelivery {
  readonly receivedAt: Date;
  readonly status: DeliveryStatus;
  readonly answer: WebhookAnswer;
}

export type DeliveryOutcome =
  | { readonly kind: 'first'; readonly status: DeliveryStatus; readonly answer: WebhookAnswer }
  | ({ readonly kind: 'duplicate' } & RecordedDelivery);

/** A delivery that ends in an unexpected error is not recorded: the sender's retry applies it again. ('processing' is from older versions.) */
const DDL = `
  CREATE TABLE IF NOT EXISTS hr_webhook_deliveries (
    event_id    text PRIMARY KEY,
    received_at timestamptz NOT NULL,
    status      text NOT NULL,
    response    jsonb
  );
  -- Tables created before held deliveries existed carry a narrower check: replace it.
  ALTER TABLE hr_webhook_deliveries DROP CONSTRAINT IF EXISTS hr_webhook_deliveries_status_check;
  ALTER TABLE hr_webhook_deliveries ADD CONSTRAINT hr_webhook_deliveries_status_check
    CHECK (status IN ('processing', 'applied', 'rejected', 'held'))`;

/**
 * Remembers every HR webhook event id with its first answer, and makes sure one id is applied once.
 *
 * A delivery takes a session advisory lock on its event id, on a connection of its own, and keeps
 * it while the event is applied and its answer recorded. A concurrent delivery of the same id waits
 * on that lock, then finds the answer: it never applies the event a second time. If the first fails
 * unexpectedly nothing is recorded and the id is free again; if its process dies, its session ends
 * and so does the lock.
 *
 * Why not an open transaction around the apply (an inserted "processing" row): a transaction that
 * has written holds back the event log's visible horizon (the store reads below pg_snapshot_xmin),
 * so waiting inside it for a read model to catch up with the events the apply just appended would
 * wait for itself. An advisory lock taken outside a transaction holds back nothing.
 *
 * The locks use a pool of their own, so a burst of deliveries cannot take every connection the
 * commands need from the event store's pool.
 */
export class HrWebhookDeliveries {
  private tableReady: Promise<void> | undefined;

  constructor(private readonly pool: Pool) {}

  /** Creates the table if it is missing; idempotent and serialised across processes. Retried on the next call after a failure. */
  ensureTable(): Promise<void> {
    this.tableReady ??= this.createTable().catch((error: unknown) => {
      this.tableReady = undefined;
      throw error;
    });
    return this.tableReady;
  }

  /**
   * Runs `apply` once per event id; a known id returns the recorded first answer without calling it.
   * `apply` returns the answer and whether the event was applied or rejected; if it throws, nothing is recorded.
   */
  async once(
    eventId: string,
    receivedAt: Date,
    apply: () => Promise<{ readonly status: DeliveryStatus; readonly answer: WebhookAnswer }>,
  ): Promise<DeliveryOutcome> {
    await this.ensureTable();
    return withAdvisoryLock(this.pool, `hr-webhook-delivery:${eventId}`, async (client) => {
      const recorded = await this.recorded(client, eventId);
      if (recorded) return { kind: 'duplicate', ...recorded };
      const { status, answer } = await apply();
      await client.query('INSERT INTO hr_webhook_deliveries (event_id, received_at, status, response) VALUES ($1, $2, $3, $4)', [
        eventId,
        receivedAt,
        status,
        answer,
      ]);
      return { kind: 'first', status, answer };
    });
  }

  private async recorded(client: PoolClient, eventId: string): Promise<RecordedDelivery | null> {
    const { rows } = await client.query<{ received_at: Date; status: DeliveryStatus; response: WebhookAnswer }>(
      'SELECT received_at, status, response FROM hr_webhook_deliveries WHERE event_id = $1',
      [eventId],
    );
    const row = rows[0];
    return row ? { receivedAt: row.received_at, status: row.status, answer: row.response } : null;
  }

  private async createTable(): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query("SELECT pg_advisory_xact_lock(hashtext('hr_webhook_deliveries'))");
      await client.query(DDL);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
}
