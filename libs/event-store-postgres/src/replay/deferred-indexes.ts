import type { Pool } from 'pg';
import { quote } from './scratch-schema';

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
 */
export class DeferredIndexes {
  private constructor(private readonly indexes: readonly IndexDefinition[]) {}

  get count(): number {
    return this.indexes.length;
  }

  /** Drops the deferrable indexes of the tables in `schema` except `infrastructure` ones and those in `keep`. */
  static async drop(pool: Pool, schema: string, infrastructure: readonly string[], keep: ReadonlySet<string>): Promise<DeferredIndexes> {
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
    return new DeferredIndexes(deferred);
  }

  /**
   * Builds every deferred index, `concurrency` at a time. (No ANALYZE here: it took as long as all the
   * index builds at 100,000 events, and autovacuum analyzes tables this new soon after the switch, as
   * it did before indexes were deferred.)
   */
  async build(pool: Pool, concurrency: number): Promise<void> {
    const queue = [...this.indexes];
    const worker = async (): Promise<void> => {
      for (let index = queue.shift(); index; index = queue.shift()) await pool.query(index.definition);
    };
    await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  }
}
