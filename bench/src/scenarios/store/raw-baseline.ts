import type { Pool } from 'pg';
import type { RawEventRow } from './sample-events';

const TABLE = 'bench_raw_events';
const NOTIFY_CHANNEL = 'bench_raw';

/**
 * What PostgreSQL itself costs: the same rows as the event store writes, inserted into a plain table
 * with nothing but a primary key. The store is judged against this, measured on the same server in
 * the same run.
 */
export class RawBaseline {
  private readonly batchSqlBySize = new Map<number, string>();

  private constructor(private readonly pool: Pool) {}

  static async create(pool: Pool): Promise<RawBaseline> {
    await pool.query(`
      CREATE TABLE ${TABLE} (
        id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        stream_id   text        NOT NULL,
        event_id    text        NOT NULL,
        type        text        NOT NULL,
        data        jsonb       NOT NULL,
        metadata    jsonb       NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    return new RawBaseline(pool);
  }

  /** One autocommit INSERT: one round trip, one commit. */
  async insertOne(row: RawEventRow): Promise<void> {
    await this.pool.query(
      `INSERT INTO ${TABLE} (stream_id, event_id, type, data, metadata) VALUES ($1, $2, $3, $4::jsonb, $5::jsonb)`,
      rowParams(row),
    );
  }

  /** All rows in one multi-row INSERT statement (autocommit). */
  async insertBatch(rows: readonly RawEventRow[]): Promise<void> {
    await this.pool.query(this.batchSql(rows.length), rows.flatMap(rowParams));
  }

  /**
   * One autocommit statement that inserts a row and NOTIFYs inside the same transaction: one round
   * trip like `insertOne`, so the only difference is the NOTIFY. PostgreSQL takes a database-wide
   * lock at commit for transactions that notified, which this measures.
   */
  async insertOneNotifyingInTransaction(row: RawEventRow): Promise<void> {
    await this.pool.query(
      `WITH inserted AS (
         INSERT INTO ${TABLE} (stream_id, event_id, type, data, metadata) VALUES ($1, $2, $3, $4::jsonb, $5::jsonb) RETURNING id
       )
       SELECT pg_notify('${NOTIFY_CHANNEL}', inserted.id::text) FROM inserted`,
      rowParams(row),
    );
  }

  private batchSql(size: number): string {
    let sql = this.batchSqlBySize.get(size);
    if (!sql) {
      const tuples = Array.from({ length: size }, (_, i) => {
        const p = i * 5;
        return `($${p + 1}, $${p + 2}, $${p + 3}, $${p + 4}::jsonb, $${p + 5}::jsonb)`;
      });
      sql = `INSERT INTO ${TABLE} (stream_id, event_id, type, data, metadata) VALUES ${tuples.join(', ')}`;
      this.batchSqlBySize.set(size, sql);
    }
    return sql;
  }
}

function rowParams(row: RawEventRow): string[] {
  return [row.streamId, row.eventId, row.type, row.data, row.metadata];
}
