import type { Pool } from 'pg';
import { quote } from './scratch-schema';
import { Slots } from './slots';

interface IndexDefinition {
  readonly name: string;
  readonly table: string;
  /** `CREATE INDEX ... ON <schema>.<table> ...`, as PostgreSQL prints it (pg_get_indexdef). */
  readonly definition: string;
}

/**
 * The secondary indexes of a replay's fresh tables, built after the bulk load instead of kept up to
 * date row by row while it runs: one sorted build costs far less than a million index insertions, and
 * nothing reads the copies meanwhile except the projections themselves. Only non-unique indexes that
 * back no constraint are deferred (a unique index is what ON CONFLICT and the duplicate checks rely
 * on), and not those a projection names in `lookupIndexes` because its own statements find rows by
 * them while applying. Deferring changes how fast, never what, a projection writes.
 *
 * A read model's indexes are built as soon as it has applied the whole log (`buildTables`), while
 * the others are still applying: at 1,000,000 events building all 51 after the last batch took about
 * 3 s during which little else ran.
 */
export class DeferredIndexes {
  private readonly pending: IndexDefinition[];
  private readonly builds: Slots;
  private readonly total: number;
  private finished = 0;

  private constructor(indexes: readonly IndexDefinition[], concurrency: number) {
    this.pending = [...indexes];
    this.total = indexes.length;
    this.builds = new Slots(Math.max(1, concurrency));
  }

  /** How many are not built yet (waiting or being built). */
  get remaining(): number {
    return this.total - this.finished;
  }

  /**
   * Drops the deferrable indexes of the tables in `schema` except `infrastructure` ones and those in
   * `keep`; the builds later run `concurrency` at a time.
   */
  static async drop(
    pool: Pool,
    schema: string,
    infrastructure: readonly string[],
    keep: ReadonlySet<string>,
    concurrency: number,
  ): Promise<DeferredIndexes> {
    const { rows } = await pool.query<{ name: string; table: string; definition: string }>(
      `SELECT index_class.relname AS name, table_class.relname AS table, pg_get_indexdef(i.indexrelid) AS definition
         FROM pg_index i
         JOIN pg_class index_class ON index_class.oid = i.indexrelid
         JOIN pg_class table_class ON table_class.oid = i.indrelid
         JOIN pg_namespace n ON n.oid = table_class.relnamespace
        WHERE n.nspname = $1 AND NOT i.indisunique AND NOT i.indisprimary
          AND NOT (table_class.relname = ANY ($2::text[]))
          AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
        ORDER BY table_class.relname, index_class.relname`,
      [schema, infrastructure],
    );
    const deferred = rows.filter((row) => !keep.has(row.name));
    for (const index of deferred) await pool.query(`DROP INDEX ${quote(schema)}.${quote(index.name)}`);
    return new DeferredIndexes(deferred, concurrency);
  }

  /**
   * Builds the deferred indexes of these tables (each once, however often asked). (No ANALYZE here: it
   * took as long as all the index builds at 100,000 events, and autovacuum analyzes tables this new
   * soon after the switch, as it did before indexes were deferred.)
   */
  async buildTables(pool: Pool, tables: readonly string[]): Promise<void> {
    const wanted = new Set(tables);
    const mine = this.pending.filter((index) => wanted.has(index.table));
    await this.build(pool, mine);
  }

  /** Builds every deferred index not built yet. */
  async buildRest(pool: Pool): Promise<void> {
    await this.build(pool, [...this.pending]);
  }

  private async build(pool: Pool, indexes: readonly IndexDefinition[]): Promise<void> {
    for (const index of indexes) this.pending.splice(this.pending.indexOf(index), 1);
    await Promise.all(
      indexes.map(async (index) => {
        await this.builds.take();
        try {
          await pool.query(index.definition);
          this.finished++;
        } finally {
          this.builds.release();
        }
      }),
    );
  }
}
