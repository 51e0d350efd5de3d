import { surviveConnectionLoss } from '@tenure/platform';
import pg, { type Pool, type PoolClient } from 'pg';

/**
 * A schema a replay builds read-model tables in, beside the live ones. A pool whose connections put
 * it first on the search path makes every unqualified table a projection names resolve there, so
 * projections are rebuilt by their ordinary code: `setup` creates the tables in the scratch schema
 * (with a checkpoints table of its own), while the event log, which is only in the live schema, is
 * read from there.
 */
export const SCRATCH_INFRASTRUCTURE = ['tenure_checkpoints', 'tenure_timers'];

export class ScratchSchema {
  private constructor(
    readonly name: string,
    /** The schema the live tables are in (the first on the live connections' search path). */
    readonly liveSchema: string,
    /** Connections that read and write the scratch copies. */
    readonly pool: Pool,
  ) {}

  /** Drops any leftover of the same name, then creates it empty. */
  static async create(live: Pool, connectionString: string, name: string, connections = 3): Promise<ScratchSchema> {
    const { rows } = await live.query<{ live: string; path: string[] }>(
      'SELECT current_schema() AS live, current_schemas(false)::text[] AS path',
    );
    const { live: liveSchema, path } = rows[0]!;
    await live.query(`DROP SCHEMA IF EXISTS ${quote(name)} CASCADE`);
    await live.query(`CREATE SCHEMA ${quote(name)}`);
    // Projections keep their checkpoints and schedule their timers in the same transaction as their
    // tables: the copies get their own, so a replay neither moves a live checkpoint nor schedules a
    // live timer (an expiry long past, cancelled later in the log, would fire meanwhile).
    for (const table of SCRATCH_INFRASTRUCTURE) {
      await live.query(
        `CREATE TABLE ${quote(name)}.${table} (LIKE ${quote(liveSchema)}.${table} INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES)`,
      );
    }
    const searchPath = [name, ...path].map(quote).join(',');
    // Commits here need not wait for the disk: a copy lost in a crash is rebuilt by the next replay,
    // and the switch's own (durable) commit flushes everything written before it.
    const settings = `-c search_path=${searchPath} -c synchronous_commit=off`;
    const pool = surviveConnectionLoss(new pg.Pool({ connectionString: withSettings(connectionString, settings), max: connections }));
    return new ScratchSchema(name, liveSchema, pool);
  }

  /** The read-model tables built here (everything but the scratch checkpoints and timers). */
  async tables(db: Pick<Pool | PoolClient, 'query'> = this.pool): Promise<string[]> {
    const { rows } = await db.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables
        WHERE table_schema = $1 AND table_type = 'BASE TABLE' AND NOT (table_name = ANY ($2::text[])) ORDER BY table_name`,
      [this.name, SCRATCH_INFRASTRUCTURE],
    );
    return rows.map((row) => row.table_name);
  }

  async drop(live: Pool): Promise<void> {
    await this.pool.end();
    await live.query(`DROP SCHEMA IF EXISTS ${quote(this.name)} CASCADE`);
  }
}

/** The connection string with settings applied at connection start (PostgreSQL's `options` parameter). */
function withSettings(connectionString: string, settings: string): string {
  const url = new URL(connectionString);
  const options = url.searchParams.get('options');
  url.searchParams.set('options', `${options ? `${options} ` : ''}${settings}`);
  return url.toString();
}

export function quote(identifier: string): string {
  return `"${identifier.replace(/"/g, '""')}"`;
}
