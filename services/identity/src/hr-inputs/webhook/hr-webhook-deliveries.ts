import type { Pool, PoolClient } from 'pg';

/** What the webhook answered: kept for a delivery, so its redeliveries get the same answer. */
export interface WebhookAnswer {
  readonly httpStatus: number;
  readonly body: Readonly<Record<string, unknown>>;
}

export type DeliveryStatus = 'applied' | 'rejected';

/** The first answer to an event id, as recorded. */
export interface RecordedDelivery {
  readonly receivedAt: Date;
  readonly status: DeliveryStatus;
  readonly answer: WebhookAnswer;
}

export type DeliveryOutcome =
  | { readonly kind: 'first'; readonly status: DeliveryStatus; readonly answer: WebhookAnswer }
  | ({ readonly kind: 'duplicate' } & RecordedDelivery);

/** A delivery that ends in an unexpected error is not recorded: the sender's retry applies it again. */
const DDL = `
  CREATE TABLE IF NOT EXISTS hr_webhook_deliveries (
    event_id    text PRIMARY KEY,
    received_at timestamptz NOT NULL,
    status      text NOT NULL CHECK (status IN ('processing', 'applied', 'rejected')),
    response    jsonb
  )`;

/**
 * Remembers every HR webhook event id with its first answer, and makes sure one id is applied once.
 *
 * The row is inserted first, inside a transaction that stays open while the event is applied and
 * commits with the answer. A concurrent delivery of the same id blocks on that row's insert until
 * the first commits, then reads its answer: it never applies the event a second time. If the first
 * fails unexpectedly (or its process dies) the transaction rolls back and the id is free again.
 *
 * The open transactions use a pool of their own, so a burst of deliveries cannot take every
 * connection the commands need from the event store's pool.
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
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const inserted = await client.query(
        `INSERT INTO hr_webhook_deliveries (event_id, received_at, status) VALUES ($1, $2, 'processing')
         ON CONFLICT (event_id) DO NOTHING RETURNING event_id`,
        [eventId, receivedAt],
      );
      if (inserted.rowCount === 0) {
        await client.query('COMMIT');
        return { kind: 'duplicate', ...(await this.recorded(client, eventId)) };
      }
      const { status, answer } = await apply();
      await client.query('UPDATE hr_webhook_deliveries SET status = $2, response = $3 WHERE event_id = $1', [eventId, status, answer]);
      await client.query('COMMIT');
      return { kind: 'first', status, answer };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  private async recorded(client: PoolClient, eventId: string): Promise<RecordedDelivery> {
    const { rows } = await client.query<{ received_at: Date; status: DeliveryStatus; response: WebhookAnswer }>(
      'SELECT received_at, status, response FROM hr_webhook_deliveries WHERE event_id = $1',
      [eventId],
    );
    const row = rows[0];
    // Only committed rows are visible, and only final ones are ever committed.
    if (!row) throw new Error(`HR webhook delivery ${eventId} conflicted on insert but is not recorded`);
    return { receivedAt: row.received_at, status: row.status, answer: row.response };
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
